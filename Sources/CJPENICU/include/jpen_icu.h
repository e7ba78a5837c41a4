// The only C interface Swift sees to ICU. It names no ICU type, so it can be
// imported beside Foundation (whose private ICU declares the same C names),
// and no ICU version suffix: the preprocessor in jpen_icu.c applies it.
//
// Offsets are UTF-16 code units unless a function says otherwise. A negative
// `*status` is a warning, a positive one an error (ICU's UErrorCode values).
#ifndef JPEN_ICU_H
#define JPEN_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    JPEN_BREAK_CHARACTER = 0,
    JPEN_BREAK_WORD = 1,
    JPEN_BREAK_LINE = 2,
    JPEN_BREAK_SENTENCE = 3,
} jpen_break_kind;

typedef struct jpen_breaker jpen_breaker;

/// Opens a break iterator of `kind` for `locale` (e.g. "ja", "en@ss=standard").
jpen_breaker *jpen_breaker_open(jpen_break_kind kind, const char *locale, int32_t *status);
/// A new iterator with the same rules; cheaper than opening one.
jpen_breaker *jpen_breaker_clone(const jpen_breaker *breaker, int32_t *status);
void jpen_breaker_close(jpen_breaker *breaker);
/// Points the iterator at `text`, which must outlive every later call that reads it.
void jpen_breaker_set_text(jpen_breaker *breaker, const uint16_t *text, int32_t length, int32_t *status);
/// The next boundary after the current one, or -1 at the end.
int32_t jpen_breaker_next(jpen_breaker *breaker);
/// The rule status of the boundary last returned (word: 0 none, 100 number, 200 letter, 300 kana, 400 ideo).
int32_t jpen_breaker_rule_status(const jpen_breaker *breaker);

typedef enum {
    JPEN_NORMALIZE_NFC = 0,
    JPEN_NORMALIZE_NFKC = 1,
    JPEN_NORMALIZE_NFKC_CASEFOLD = 2,
} jpen_normalize_form;

typedef struct jpen_normalizer jpen_normalizer;

/// A shared, thread-safe normalizer owned by ICU; never closed.
const jpen_normalizer *jpen_normalizer_get(jpen_normalize_form form, int32_t *status);
/// Normalizes `source` into `dest`; returns the needed length (which may exceed `capacity`).
int32_t jpen_normalize(const jpen_normalizer *normalizer, const uint16_t *source, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status);
/// Whether a normalization segment starts at code point `c`: text may be cut before it.
int jpen_normalizer_boundary_before(const jpen_normalizer *normalizer, uint32_t c);
/// Whether `c` is unchanged by normalization whatever surrounds it.
int jpen_normalizer_is_inert(const jpen_normalizer *normalizer, uint32_t c);

typedef struct jpen_transliterator jpen_transliterator;

/// Opens a transliterator by ICU id, e.g. "Katakana-Latin" or "Halfwidth-Fullwidth".
jpen_transliterator *jpen_transliterator_open(const char *identifier, int32_t *status);
void jpen_transliterator_close(jpen_transliterator *transliterator);
/// Transliterates `text[0..<*length]` in place; `*length` becomes the new length.
/// Returns the needed length, which exceeds `capacity` when the buffer was too small.
int32_t jpen_transliterate(const jpen_transliterator *transliterator, uint16_t *text, int32_t *length,
                           int32_t capacity, int32_t *status);

/// Converts bytes in `charset` (e.g. "EUC-JP") to UTF-8; returns the needed length.
int32_t jpen_convert_to_utf8(const char *charset, const char *source, int32_t length,
                             char *dest, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
