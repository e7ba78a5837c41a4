import Foundation

/// The positions of the sun and the moon, to the accuracy calendars need (a few hundredths of a
/// degree, so a new moon or a solar ingress to within minutes), after the series in Jean Meeus,
/// *Astronomical Algorithms* (2nd ed.), chapters 25 and 47, truncated to their largest terms.
///
/// Moments are Julian days in Universal Time (`jd`); a civil day in a zone is
/// `CivilDate.dayNumber` at local midnight.
///
/// ```swift
/// let moment = Astronomy.newMoon(near: Astronomy.julianDay(CivilDate(year: 2024, month: 2, day: 9)))
/// Astronomy.civilDate(moment, utcOffsetHours: 8)   // 2024-02-10: Chinese New Year
/// ```
///
/// Cost: each position is a few dozen sines; a new moon or an ingress takes five to eight
/// Newton steps.
enum Astronomy {
    /// The Julian day of midnight UT starting `date`.
    static func julianDay(_ date: CivilDate) -> Double { Double(date.dayNumber) + 2440587.5 }

    /// The civil day holding the moment `jd` in a zone `utcOffsetHours` east of Greenwich.
    static func civilDate(_ jd: Double, utcOffsetHours: Double) -> CivilDate {
        CivilDate(dayNumber: Int((jd - 2440587.5 + utcOffsetHours / 24).rounded(.down)))
    }

    /// Terrestrial minus Universal Time in days: a polynomial fit good to a minute for 1950–2100
    /// (the moon moves half a degree an hour, so a minute matters little).
    static func deltaT(_ jd: Double) -> Double {
        let y = (jd - 2451545) / 365.25
        return (62.92 + 0.32217 * y + 0.005589 * y * y) / 86400
    }

    /// Julian centuries of Terrestrial Time since J2000.
    static func centuries(_ jd: Double) -> Double { (jd + deltaT(jd) - 2451545) / 36525 }

    static func sin(degrees: Double) -> Double { Foundation.sin(degrees * .pi / 180) }

    /// Reduces an angle to 0..<360.
    static func normalized(_ degrees: Double) -> Double {
        let r = degrees.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }

    /// Reduces an angle to -180..<180.
    static func signed(_ degrees: Double) -> Double {
        let r = normalized(degrees)
        return r >= 180 ? r - 360 : r
    }

    /// The sun's apparent ecliptic longitude, tropical, in degrees (Meeus ch. 25).
    static func sunLongitude(_ jd: Double) -> Double {
        let t = centuries(jd)
        let l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
        let m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t
        let center = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(degrees: m)
            + (0.019993 - 0.000101 * t) * sin(degrees: 2 * m) + 0.000289 * sin(degrees: 3 * m)
        let omega = 125.04 - 1934.136 * t
        return normalized(l0 + center - 0.00569 - 0.00478 * sin(degrees: omega))
    }

    /// Periodic terms of the moon's longitude: multiples of D, M, M′, F and the amplitude in
    /// millionths of a degree (Meeus table 47.A, the terms above 0.002°).
    private static let moonTerms: [(Int, Int, Int, Int, Double)] = [
        (0, 0, 1, 0, 6288774), (2, 0, -1, 0, 1274027), (2, 0, 0, 0, 658314), (0, 0, 2, 0, 213618),
        (0, 1, 0, 0, -185116), (0, 0, 0, 2, -114332), (2, 0, -2, 0, 58793), (2, -1, -1, 0, 57066),
        (2, 0, 1, 0, 53322), (2, -1, 0, 0, 45758), (0, 1, -1, 0, -40923), (1, 0, 0, 0, -34720),
        (0, 1, 1, 0, -30383), (2, 0, 0, -2, 15327), (0, 0, 1, 2, -12528), (0, 0, 1, -2, 10980),
        (4, 0, -1, 0, 10675), (0, 0, 3, 0, 10034), (4, 0, -2, 0, 8548), (2, 1, -1, 0, -7888),
        (2, 1, 0, 0, -6766), (1, 0, -1, 0, -5163), (1, 1, 0, 0, 4987), (2, -1, 1, 0, 4036),
        (2, 0, 2, 0, 3994), (4, 0, 0, 0, 3861), (2, 0, -3, 0, 3665), (0, 1, -2, 0, -2689),
        (2, 0, -1, 2, -2602), (2, -1, -2, 0, 2390), (1, 0, 1, 0, -2348), (2, -2, 0, 0, 2236),
        (0, 1, 2, 0, -2120), (0, 2, 0, 0, -2069), (2, -2, -1, 0, 2048),
    ]

    /// The moon's apparent ecliptic longitude, tropical, in degrees (Meeus ch. 47, truncated).
    static func moonLongitude(_ jd: Double) -> Double {
        let t = centuries(jd)
        let lp = 218.3164477 + 481267.88123421 * t - 0.0015786 * t * t
        let d = 297.8501921 + 445267.1114034 * t - 0.0018819 * t * t
        let m = 357.5291092 + 35999.0502909 * t - 0.0001536 * t * t
        let mp = 134.9633964 + 477198.8675055 * t + 0.0087414 * t * t
        let f = 93.2720950 + 483202.0175233 * t - 0.0036539 * t * t
        let e = 1 - 0.002516 * t - 0.0000074 * t * t
        var sum = 0.0
        for (cd, cm, cmp, cf, amplitude) in moonTerms {
            var a = amplitude
            if cm != 0 { a *= abs(cm) == 2 ? e * e : e }
            sum += a * sin(degrees: Double(cd) * d + Double(cm) * m + Double(cmp) * mp + Double(cf) * f)
        }
        let a1 = 119.75 + 131.849 * t, a2 = 53.09 + 479264.290 * t
        sum += 3958 * sin(degrees: a1) + 1962 * sin(degrees: lp - f) + 318 * sin(degrees: a2)
        // Nutation in longitude, the largest term (the sun's longitude above carries it too).
        let omega = 125.04452 - 1934.136261 * t
        return normalized(lp + sum / 1_000_000 - 0.00478 * sin(degrees: omega))
    }

    /// The moon's elongation from the sun, 0..<360: 0 at new moon, 180 at full moon.
    static func elongation(_ jd: Double) -> Double { normalized(moonLongitude(jd) - sunLongitude(jd)) }

    /// The mean synodic month in days.
    static let synodicMonth = 29.530588853

    /// The moment the elongation is `target` degrees nearest `jd` (within half a month).
    static func lunarPhase(_ target: Double, near jd: Double) -> Double {
        var t = jd + signed(target - elongation(jd)) / 360 * synodicMonth
        for _ in 0..<8 {
            let error = signed(elongation(t) - target)
            t -= error / 12.19
            if abs(error) < 1e-5 { break }
        }
        return t
    }

    /// The new moon nearest `jd`.
    static func newMoon(near jd: Double) -> Double { lunarPhase(0, near: jd) }

    /// The first new moon at or after `jd`.
    static func newMoon(after jd: Double) -> Double {
        let moment = newMoon(near: jd)
        return moment < jd ? newMoon(near: moment + synodicMonth) : moment
    }

    /// The moment nearest `jd` (within half a year) when the sun's tropical longitude is `target`.
    static func solarLongitude(_ target: Double, near jd: Double) -> Double {
        var t = jd + signed(target - sunLongitude(jd)) / 360 * 365.2422
        for _ in 0..<8 {
            let error = signed(sunLongitude(t) - target)
            t -= error / 0.9856
            if abs(error) < 1e-6 { break }
        }
        return t
    }

    /// The Lahiri (Chitrapaksha) ayanamsa in degrees: how far the sidereal zodiac of Indian
    /// calendars lags the tropical one (23.853° at J2000, growing with precession).
    static func lahiriAyanamsa(_ jd: Double) -> Double {
        let t = centuries(jd)
        return 23.85306 + 1.39722 * t + 0.00018 * t * t
    }

    /// The sun's sidereal (Lahiri) longitude.
    static func siderealSunLongitude(_ jd: Double) -> Double { normalized(sunLongitude(jd) - lahiriAyanamsa(jd)) }

    /// The moon's sidereal (Lahiri) longitude.
    static func siderealMoonLongitude(_ jd: Double) -> Double { normalized(moonLongitude(jd) - lahiriAyanamsa(jd)) }

    /// The moment nearest `jd` when the sun's sidereal longitude is `target` (a sankranti).
    static func siderealSolarLongitude(_ target: Double, near jd: Double) -> Double {
        var t = jd
        for _ in 0..<3 { t = solarLongitude(normalized(target + lahiriAyanamsa(t)), near: t) }
        return t
    }
}
