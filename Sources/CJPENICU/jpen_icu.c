#include "jpen_icu.h"

#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

static const UBreakIteratorType break_types[] = {
    UBRK_CHARACTER, UBRK_WORD, UBRK_LINE, UBRK_SENTENCE,
};

jpen_breaker *jpen_breaker_open(jpen_break_kind kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(break_types[kind], locale, NULL, 0, &error);
    *status = error;
    return (jpen_breaker *)iterator;
}

jpen_breaker *jpen_breaker_clone(const jpen_breaker *breaker, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone((const UBreakIterator *)breaker, &error);
    *status = error;
    return (jpen_breaker *)iterator;
}

void jpen_breaker_close(jpen_breaker *breaker) {
    ubrk_close((UBreakIterator *)breaker);
}

void jpen_breaker_set_text(jpen_breaker *breaker, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)breaker, (const UChar *)text, length, &error);
    *status = error;
}

int32_t jpen_breaker_next(jpen_breaker *breaker) {
    int32_t boundary = ubrk_next((UBreakIterator *)breaker);
    return boundary == UBRK_DONE ? -1 : boundary;
}

int32_t jpen_breaker_rule_status(const jpen_breaker *breaker) {
    return ubrk_getRuleStatus((UBreakIterator *)breaker);
}

const jpen_normalizer *jpen_normalizer_get(jpen_normalize_form form, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = NULL;
    switch (form) {
    case JPEN_NORMALIZE_NFC: normalizer = unorm2_getNFCInstance(&error); break;
    case JPEN_NORMALIZE_NFKC: normalizer = unorm2_getNFKCInstance(&error); break;
    case JPEN_NORMALIZE_NFKC_CASEFOLD: normalizer = unorm2_getNFKCCasefoldInstance(&error); break;
    }
    *status = error;
    return (const jpen_normalizer *)normalizer;
}

int32_t jpen_normalize(const jpen_normalizer *normalizer, const uint16_t *source, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)source, length,
                                      (UChar *)dest, capacity, &error);
    *status = error;
    return needed;
}

int jpen_normalizer_boundary_before(const jpen_normalizer *normalizer, uint32_t c) {
    return unorm2_hasBoundaryBefore((const UNormalizer2 *)normalizer, (UChar32)c);
}

int jpen_normalizer_is_inert(const jpen_normalizer *normalizer, uint32_t c) {
    return unorm2_isInert((const UNormalizer2 *)normalizer, (UChar32)c);
}

jpen_transliterator *jpen_transliterator_open(const char *identifier, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar id[128];
    int32_t n = 0;
    while (identifier[n] && n < 127) { id[n] = (UChar)(unsigned char)identifier[n]; n++; }
    UTransliterator *t = utrans_openU(id, n, UTRANS_FORWARD, NULL, 0, NULL, &error);
    *status = error;
    return (jpen_transliterator *)t;
}

void jpen_transliterator_close(jpen_transliterator *transliterator) {
    utrans_close((UTransliterator *)transliterator);
}

int32_t jpen_transliterate(const jpen_transliterator *transliterator, uint16_t *text, int32_t *length,
                           int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)text, length, capacity, 0, &limit, &error);
    *status = error;
    return *length;
}

int32_t jpen_convert_to_utf8(const char *charset, const char *source, int32_t length,
                             char *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = ucnv_convert("UTF-8", charset, dest, capacity, source, length, &error);
    *status = error;
    return needed;
}
