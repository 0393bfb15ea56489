//! National public holidays, computed for any year (fixed dates, Easter-based moveable feasts,
//! and the weekend substitutions the law prescribes). Regional holidays are not included:
//! calendars add them as exceptions.
//!
//! Sources: Spain — Estatuto de los Trabajadores art. 37.2 and the yearly BOE resolution
//! (the holidays every autonomous community keeps); Portugal — Código do Trabalho art. 234
//! (as restored by Lei 8/2016); Brazil — Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023
//! (20 November from 2024); Latvia — Likums "Par svētku, atceres un atzīmējamām dienām" §1
//! and §4 (4 May and 18 November move to Monday when on a weekend).

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Country {
    /// Spain
    Es,
    /// Portugal
    Pt,
    /// Brazil
    Br,
    /// Latvia
    Lv,
}

impl Country {
    pub const ALL: [Country; 4] = [Country::Es, Country::Pt, Country::Br, Country::Lv];

    pub fn parse(code: &str) -> Option<Country> {
        match code.to_ascii_uppercase().as_str() {
            "ES" => Some(Country::Es),
            "PT" => Some(Country::Pt),
            "BR" => Some(Country::Br),
            "LV" => Some(Country::Lv),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: Date,
    /// The holiday's name in the country's language.
    pub name: &'static str,
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn on(year: i16, month: i8, day: i8, name: &'static str) -> Option<Holiday> {
    Date::new(year, month, day)
        .ok()
        .map(|date| Holiday { date, name })
}

fn from_easter(easter: Date, days: i64, name: &'static str) -> Option<Holiday> {
    easter
        .checked_add(jiff::Span::new().days(days))
        .ok()
        .map(|date| Holiday { date, name })
}

/// Moves a date falling on Saturday or Sunday to the following Monday.
fn to_monday_if_weekend(h: Option<Holiday>) -> Option<Holiday> {
    let h = h?;
    let shift = match h.date.weekday() {
        Weekday::Saturday => 2,
        Weekday::Sunday => 1,
        _ => 0,
    };
    if shift == 0 {
        return Some(h);
    }
    h.date
        .checked_add(jiff::Span::new().days(shift))
        .ok()
        .map(|date| Holiday { date, name: h.name })
}

/// The national public holidays of a country in a year, in date order.
pub fn national(country: Country, year: i16) -> Vec<Holiday> {
    let Some(e) = easter(year) else {
        return Vec::new();
    };
    let mut days: Vec<Option<Holiday>> = match country {
        Country::Es => vec![
            on(year, 1, 1, "Año Nuevo"),
            on(year, 1, 6, "Epifanía del Señor"),
            from_easter(e, -2, "Viernes Santo"),
            on(year, 5, 1, "Fiesta del Trabajo"),
            on(year, 8, 15, "Asunción de la Virgen"),
            on(year, 10, 12, "Fiesta Nacional de España"),
            on(year, 11, 1, "Todos los Santos"),
            on(year, 12, 6, "Día de la Constitución Española"),
            on(year, 12, 8, "Inmaculada Concepción"),
            on(year, 12, 25, "Natividad del Señor"),
        ],
        Country::Pt => vec![
            on(year, 1, 1, "Ano Novo"),
            from_easter(e, -2, "Sexta-feira Santa"),
            from_easter(e, 0, "Domingo de Páscoa"),
            on(year, 4, 25, "Dia da Liberdade"),
            on(year, 5, 1, "Dia do Trabalhador"),
            from_easter(e, 60, "Corpo de Deus"),
            on(
                year,
                6,
                10,
                "Dia de Portugal, de Camões e das Comunidades Portuguesas",
            ),
            on(year, 8, 15, "Assunção de Nossa Senhora"),
            on(year, 10, 5, "Implantação da República"),
            on(year, 11, 1, "Dia de Todos os Santos"),
            on(year, 12, 1, "Restauração da Independência"),
            on(year, 12, 8, "Imaculada Conceição"),
            on(year, 12, 25, "Natal"),
        ],
        Country::Br => {
            let mut list = vec![
                on(year, 1, 1, "Confraternização Universal"),
                from_easter(e, -2, "Paixão de Cristo"),
                on(year, 4, 21, "Tiradentes"),
                on(year, 5, 1, "Dia do Trabalho"),
                on(year, 9, 7, "Independência do Brasil"),
                on(year, 10, 12, "Nossa Senhora Aparecida"),
                on(year, 11, 2, "Finados"),
                on(year, 11, 15, "Proclamação da República"),
                on(year, 12, 25, "Natal"),
            ];
            if year >= 2024 {
                list.push(on(
                    year,
                    11,
                    20,
                    "Dia Nacional de Zumbi e da Consciência Negra",
                ));
            }
            list
        }
        Country::Lv => vec![
            on(year, 1, 1, "Jaunais gads"),
            from_easter(e, -2, "Lielā Piektdiena"),
            from_easter(e, 0, "Lieldienas"),
            from_easter(e, 1, "Otrās Lieldienas"),
            on(year, 5, 1, "Darba svētki"),
            to_monday_if_weekend(on(
                year,
                5,
                4,
                "Latvijas Republikas Neatkarības atjaunošanas diena",
            )),
            from_easter(e, 49, "Vasarsvētki"),
            on(year, 6, 23, "Līgo diena"),
            on(year, 6, 24, "Jāņu diena"),
            to_monday_if_weekend(on(year, 11, 18, "Latvijas Republikas proklamēšanas diena")),
            on(year, 12, 24, "Ziemassvētku vakars"),
            on(year, 12, 25, "Pirmie Ziemassvētki"),
            on(year, 12, 26, "Otrie Ziemassvētki"),
            on(year, 12, 31, "Vecgada vakars"),
        ],
    };
    let mut out: Vec<Holiday> = days.drain(..).flatten().collect();
    out.sort_by_key(|h| h.date);
    out.dedup_by_key(|h| h.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_matches_published_dates() {
        // Dates from the tables of the US Naval Observatory / Book of Common Prayer.
        for (year, month, day) in [
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2030, 4, 21),
            (2035, 3, 25),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(year), Some(date(year, month, day)), "{year}");
        }
    }

    #[test]
    fn spain_2026() {
        let dates: Vec<_> = national(Country::Es, 2026).iter().map(|h| h.date).collect();
        assert!(dates.contains(&date(2026, 4, 3)), "Viernes Santo 2026");
        assert_eq!(dates.len(), 10);
    }

    #[test]
    fn portugal_moveable_feasts() {
        let h = national(Country::Pt, 2026);
        assert!(
            h.iter()
                .any(|h| h.date == date(2026, 6, 4) && h.name == "Corpo de Deus")
        );
        assert!(
            h.iter()
                .any(|h| h.date == date(2026, 4, 5) && h.name == "Domingo de Páscoa")
        );
        assert_eq!(h.len(), 13);
    }

    #[test]
    fn brazil_black_consciousness_day_from_2024() {
        assert!(
            !national(Country::Br, 2023)
                .iter()
                .any(|h| h.date == date(2023, 11, 20))
        );
        assert!(
            national(Country::Br, 2024)
                .iter()
                .any(|h| h.date == date(2024, 11, 20))
        );
    }

    #[test]
    fn latvia_moves_independence_days_off_weekends() {
        // 18 November 2023 was a Saturday: the holiday moved to Monday the 20th.
        let h2023 = national(Country::Lv, 2023);
        assert!(h2023.iter().any(|h| h.date == date(2023, 11, 20)));
        assert!(!h2023.iter().any(|h| h.date == date(2023, 11, 18)));
        // 4 May 2025 was a Sunday: Monday the 5th.
        assert!(
            national(Country::Lv, 2025)
                .iter()
                .any(|h| h.date == date(2025, 5, 5))
        );
        // Whit Sunday 2026: Easter (5 April) + 49 days.
        assert!(
            national(Country::Lv, 2026)
                .iter()
                .any(|h| h.date == date(2026, 5, 24) && h.name == "Vasarsvētki")
        );
    }

    #[test]
    fn every_country_has_holidays_every_year_through_2035() {
        for year in 2020..=2035 {
            for country in Country::ALL {
                let h = national(country, year);
                assert!(h.len() >= 9, "{country:?} {year}");
                assert!(h.windows(2).all(|w| w[0].date < w[1].date));
                assert!(h.iter().all(|d| d.date.year() == year));
            }
        }
    }
}
