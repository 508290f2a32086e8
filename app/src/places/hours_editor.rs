//! The opening-hours editor: a row per weekday (from–to, a second from–to
//! after a break, a note such as "appointment only") and public holidays,
//! written as OpenStreetMap `opening_hours` and read back from it. Plain
//! code without the parser crate, so the form renders the same rows on the
//! server and in the browser; the server still checks the result with the
//! parser before it is saved.
use crate::forms::FieldError;
use std::collections::BTreeMap;

/// OpenStreetMap's weekday names, Monday first.
pub const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// A day's row in the form: its fields are `{key}-from1`, `{key}-to1`,
/// `{key}-from2`, `{key}-to2`, `{key}-note`; an error is filed under `key`.
pub const ROW_KEYS: [&str; 7] = ["oh-mo", "oh-tu", "oh-we", "oh-th", "oh-fr", "oh-sa", "oh-su"];

/// Present in every form that shows the editor.
pub const EDITOR: &str = "oh-editor";
/// The hours as the form was shown: tells whether the expert field was edited.
pub const SOURCE: &str = "oh-source";
/// The "closed on public holidays" box.
pub const HOLIDAYS: &str = "oh-ph";

/// One weekday: up to two spans of "HH:MM" times and a note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayRow {
    pub spans: Vec<(String, String)>,
    pub note: String,
}

/// A week as the editor holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Week {
    pub days: [DayRow; 7],
    pub holidays_closed: bool,
}

impl Week {
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(|d| d.spans.is_empty() && d.note.is_empty())
    }

    /// The OpenStreetMap expression; None for a week without hours. Days
    /// with the same hours and note share one rule ("Mo-Fr 09:00-17:00").
    pub fn to_osm(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut rules: Vec<String> = Vec::new();
        let mut done = [false; 7];
        for i in 0..7 {
            let day = &self.days[i];
            if done[i] || (day.spans.is_empty() && day.note.is_empty()) {
                continue;
            }
            let same: Vec<usize> = (i..7).filter(|&j| !done[j] && self.days[j] == *day).collect();
            for &j in &same {
                done[j] = true;
            }
            let hours = if day.spans.is_empty() {
                "off".to_string()
            } else {
                day.spans.iter().map(|(a, b)| format!("{a}-{b}")).collect::<Vec<_>>().join(",")
            };
            let note =
                if day.note.is_empty() { String::new() } else { format!(" \"{}\"", day.note) };
            rules.push(format!("{} {hours}{note}", day_ranges(&same)));
        }
        if self.holidays_closed {
            rules.push("PH off".into());
        }
        Some(rules.join("; "))
    }

    /// The week an expression describes, when the editor can show it: rules
    /// of weekdays with up to two spans or "off", a note, and "PH off".
    /// None for anything else (months, weeks, sunrise, "24/7" …), which then
    /// stays in the expert field.
    pub fn from_osm(expr: &str) -> Option<Week> {
        let mut week = Week::default();
        for rule in expr.split(';').map(str::trim).filter(|r| !r.is_empty()) {
            if rule == "PH off" {
                week.holidays_closed = true;
                continue;
            }
            let (rule, note) = match rule.find('"') {
                Some(q) => {
                    let note = rule[q..].strip_prefix('"')?.strip_suffix('"')?;
                    if note.contains('"') {
                        return None;
                    }
                    (rule[..q].trim(), note.trim().to_string())
                }
                None => (rule, String::new()),
            };
            let (days, hours) = rule.split_once(' ').unwrap_or((rule, ""));
            let days = parse_days(days)?;
            let hours = hours.trim();
            let spans = match hours {
                "off" | "closed" => Vec::new(),
                "" if !note.is_empty() => return None,
                _ => hours.split(',').map(parse_span).collect::<Option<Vec<_>>>()?,
            };
            if spans.len() > 2 {
                return None;
            }
            for d in days {
                week.days[d] = DayRow { spans: spans.clone(), note: note.clone() };
            }
        }
        Some(week)
    }

    /// The form's values for this week.
    pub fn form_values(&self) -> Vec<(String, String)> {
        let mut values = Vec::new();
        for (key, day) in ROW_KEYS.iter().zip(&self.days) {
            for (n, (from, to)) in day.spans.iter().enumerate() {
                values.push((format!("{key}-from{}", n + 1), from.clone()));
                values.push((format!("{key}-to{}", n + 1), to.clone()));
            }
            if !day.note.is_empty() {
                values.push((format!("{key}-note"), day.note.clone()));
            }
        }
        if self.holidays_closed {
            values.push((HOLIDAYS.into(), "1".into()));
        }
        values
    }

    /// Reads the rows of a posted form; a row with half a span, an end
    /// before its start, or a second span inside the first is refused.
    pub fn from_form(
        v: &BTreeMap<String, String>,
    ) -> Result<Week, Vec<(&'static str, FieldError)>> {
        let get = |k: String| v.get(&k).map(|s| s.trim().to_string()).unwrap_or_default();
        let mut week =
            Week { holidays_closed: !get(HOLIDAYS.into()).is_empty(), ..Week::default() };
        let mut errors = Vec::new();
        for (i, key) in ROW_KEYS.iter().enumerate() {
            match read_row(|f| get(format!("{key}-{f}"))) {
                Ok(row) => week.days[i] = row,
                Err(e) => errors.push((*key, e)),
            }
        }
        if errors.is_empty() {
            Ok(week)
        } else {
            Err(errors)
        }
    }
}

fn read_row(get: impl Fn(&str) -> String) -> Result<DayRow, FieldError> {
    let mut spans: Vec<(String, String)> = Vec::new();
    for n in 1..=2 {
        let (from, to) = (get(&format!("from{n}")), get(&format!("to{n}")));
        match (from.is_empty(), to.is_empty()) {
            (true, true) => continue,
            (false, false) => {}
            _ => return Err(FieldError::InvalidTime),
        }
        let from = clock(&from).ok_or(FieldError::InvalidTime)?;
        let mut to = clock(&to).ok_or(FieldError::InvalidTime)?;
        // A time field cannot say 24:00: midnight as an end is the day's end.
        if to == "00:00" {
            to = "24:00".into();
        }
        if to <= from || spans.last().is_some_and(|(_, end)| from < *end) {
            return Err(FieldError::EndBeforeStart);
        }
        spans.push((from, to));
    }
    // Quotes would end the note inside the expression.
    let note = get("note").replace('"', "'");
    if note.chars().count() > 100 {
        return Err(FieldError::TooLong);
    }
    Ok(DayRow { spans, note })
}

/// "9:00", "09:00", "9.00" or "9" as "09:00"; None if not a time of day.
pub fn clock(s: &str) -> Option<String> {
    let s = s.trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None => (s, "00"),
    };
    let digits = |x: &str, max_len| {
        !x.is_empty() && x.len() <= max_len && x.chars().all(|c| c.is_ascii_digit())
    };
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 || h == 24 && m == 0).then(|| format!("{h:02}:{m:02}"))
}

/// Every clock time written in a text ("9:00", "17.30"), as "HH:MM".
pub fn times_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 0..chars.len() {
        if chars[i] != ':' && chars[i] != '.' {
            continue;
        }
        let start =
            (i.saturating_sub(2)..i).find(|&s| chars[s..i].iter().all(char::is_ascii_digit));
        let end = i + 3;
        let Some(start) = start else { continue };
        let before_ok = start == 0 || !chars[start - 1].is_ascii_digit();
        let after_ok = end <= chars.len()
            && chars[i + 1..end].iter().all(char::is_ascii_digit)
            && chars.get(end).is_none_or(|c| !c.is_ascii_digit());
        if before_ok && after_ok {
            let s: String = chars[start..end].iter().collect();
            if let Some(t) = clock(&s) {
                found.push(t);
            }
        }
    }
    found
}

/// Whether free-text hours name a time the structured `hours` do not have
/// (for "open 9:00–17:00" next to hours that say 10:00–16:00); no hours,
/// nothing to disagree with.
pub fn text_disagrees(text: &str, hours: &str) -> bool {
    !hours.is_empty() && times_in(text).iter().any(|t| !hours.contains(t.as_str()))
}

fn parse_span(s: &str) -> Option<(String, String)> {
    let (a, b) = s.trim().split_once('-')?;
    let (a, b) = (clock(a)?, clock(b)?);
    (a < b).then_some((a, b))
}

fn parse_days(s: &str) -> Option<Vec<usize>> {
    let index = |d: &str| DAYS.iter().position(|x| *x == d);
    let mut days = Vec::new();
    for part in s.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (index(a)?, index(b)?);
                if b < a {
                    return None;
                }
                days.extend(a..=b);
            }
            None => days.push(index(part)?),
        }
    }
    Some(days)
}

/// "Mo-Fr", "Mo,We", "Mo-We,Sa": runs of three or more days as ranges.
fn day_ranges(days: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}-{}", DAYS[days[i]], DAYS[days[j]]));
        } else {
            parts.extend(days[i..=j].iter().map(|&d| DAYS[d].to_string()));
        }
        i = j + 1;
    }
    parts.join(",")
}

/// Which hours a posted place form means, with the row errors: the expert
/// field when it was edited, else the rows (or the hours as they were when
/// the rows still say the same, so an unchanged form changes nothing).
pub fn resolve(
    v: &BTreeMap<String, String>,
) -> Result<Option<String>, Vec<(&'static str, FieldError)>> {
    let text = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let raw = text("opening_hours");
    let nonempty = |s: String| (!s.is_empty()).then_some(s);
    if !v.contains_key(EDITOR) {
        return Ok(nonempty(raw));
    }
    let source = text(SOURCE);
    if raw != source {
        return Ok(nonempty(raw));
    }
    let week = Week::from_form(v)?;
    match Week::from_osm(&source) {
        Some(before) if before == week => Ok(nonempty(source)),
        // The rows could not show these hours and were left empty.
        None if week.is_empty() => Ok(nonempty(source)),
        _ => Ok(week.to_osm()),
    }
}

/// The values a place form shows for the editor when it is first opened
/// with `hours` (the stored expression).
pub fn initial_values(hours: &str) -> Vec<(String, String)> {
    let mut values =
        vec![(EDITOR.to_string(), "1".to_string()), (SOURCE.to_string(), hours.to_string())];
    if let Some(week) = Week::from_osm(hours) {
        values.extend(week.form_values());
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn rows_become_one_rule_per_distinct_day() {
        let v = form(&[
            (EDITOR, "1"),
            ("oh-mo-from1", "9:00"),
            ("oh-mo-to1", "12:00"),
            ("oh-mo-from2", "13:00"),
            ("oh-mo-to2", "17:00"),
            ("oh-tu-from1", "09:00"),
            ("oh-tu-to1", "12:00"),
            ("oh-tu-from2", "13:00"),
            ("oh-tu-to2", "17:00"),
            ("oh-we-from1", "09:00"),
            ("oh-we-to1", "12:00"),
            ("oh-we-from2", "13:00"),
            ("oh-we-to2", "17:00"),
            ("oh-fr-from1", "8.00"),
            ("oh-fr-to1", "12"),
            ("oh-fr-note", "appointment \"only\""),
            ("oh-su-from1", "10:00"),
            ("oh-su-to1", "00:00"),
            (HOLIDAYS, "1"),
        ]);
        let week = Week::from_form(&v).expect("valid rows");
        let osm = week.to_osm().expect("hours");
        assert_eq!(
            osm,
            "Mo-We 09:00-12:00,13:00-17:00; Fr 08:00-12:00 \"appointment 'only'\"; Su 10:00-24:00; PH off"
        );
        assert_eq!(Week::from_osm(&osm), Some(week.clone()));
        assert_eq!(resolve(&v), Ok(Some(osm)));
        // What the form shows again is what was read.
        let shown: BTreeMap<String, String> = week.form_values().into_iter().collect();
        assert_eq!(Week::from_form(&shown), Ok(week));
    }

    #[test]
    fn bad_rows_are_refused_by_day() {
        let v = form(&[
            ("oh-mo-from1", "09:00"),
            ("oh-tu-from1", "17:00"),
            ("oh-tu-to1", "09:00"),
            ("oh-we-from1", "09:00"),
            ("oh-we-to1", "12:00"),
            ("oh-we-from2", "11:00"),
            ("oh-we-to2", "15:00"),
            ("oh-th-from1", "25:00"),
            ("oh-th-to1", "26:00"),
        ]);
        let errors = Week::from_form(&v).expect_err("refused");
        assert_eq!(
            errors,
            vec![
                ("oh-mo", FieldError::InvalidTime),
                ("oh-tu", FieldError::EndBeforeStart),
                ("oh-we", FieldError::EndBeforeStart),
                ("oh-th", FieldError::InvalidTime),
            ]
        );
    }

    #[test]
    fn expert_field_wins_when_edited_and_unchanged_rows_keep_the_text() {
        let stored = "Mo,Tu,We 09:00-12:00";
        let mut v: BTreeMap<String, String> = initial_values(stored).into_iter().collect();
        v.insert("opening_hours".into(), stored.into());
        // Rows untouched: the stored text, not a rewritten "Mo-We".
        assert_eq!(resolve(&v), Ok(Some(stored.to_string())));
        v.insert("oh-th-from1".into(), "09:00".into());
        v.insert("oh-th-to1".into(), "12:00".into());
        assert_eq!(resolve(&v), Ok(Some("Mo-Th 09:00-12:00".to_string())));
        v.insert("opening_hours".into(), "Mo-Su 10:00-11:00; PH off".into());
        assert_eq!(resolve(&v), Ok(Some("Mo-Su 10:00-11:00; PH off".to_string())));
        // Hours the rows cannot show stay as they were while the rows are empty.
        let sunrise = "Mo-Fr sunrise-sunset";
        assert_eq!(Week::from_osm(sunrise), None);
        let mut v: BTreeMap<String, String> = initial_values(sunrise).into_iter().collect();
        v.insert("opening_hours".into(), sunrise.into());
        assert_eq!(resolve(&v), Ok(Some(sunrise.to_string())));
        // Emptying every row removes the hours.
        let mut v: BTreeMap<String, String> = initial_values(stored).into_iter().collect();
        v.insert("opening_hours".into(), stored.into());
        v.retain(|k, _| {
            !k.starts_with("oh-mo") && !k.starts_with("oh-tu") && !k.starts_with("oh-we")
        });
        assert_eq!(resolve(&v), Ok(None));
        // A form without the editor (an older client, the API) sends the text.
        assert_eq!(resolve(&form(&[("opening_hours", " 24/7 ")])), Ok(Some("24/7".into())));
    }

    #[test]
    fn reads_back_only_what_the_rows_can_show() {
        let w = Week::from_osm(
            "Mo-Fr 08:00-17:00; We off; Sa 09:00-12:00 \"appointment only\"; PH off",
        )
        .expect("editor hours");
        assert_eq!(w.days[0].spans, vec![("08:00".into(), "17:00".into())]);
        assert!(w.days[2].spans.is_empty(), "a later rule overrides Wednesday");
        assert_eq!(w.days[5].note, "appointment only");
        assert!(w.days[6].spans.is_empty());
        assert!(w.holidays_closed);
        for other in [
            "24/7",
            "Jan-Mar Mo 09:00-12:00",
            "Mo 09:00-10:00,11:00-12:00,13:00-14:00",
            "Mo 09:00+",
        ] {
            assert_eq!(Week::from_osm(other), None, "{other}");
        }
    }

    #[test]
    fn times_are_found_in_free_text() {
        assert_eq!(times_in("Mon–Fri 9:00–17.30, not 123:456"), vec!["09:00", "17:30"]);
        assert!(times_in("Closed in August, 2.5 km away").is_empty());
        assert_eq!(clock("7"), Some("07:00".into()));
        assert_eq!(clock("24:00"), Some("24:00".into()));
        assert_eq!(clock("24:30"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn what_the_editor_writes_is_valid_openstreetmap() {
        let mut week = Week::default();
        week.days[0].spans =
            vec![("09:00".into(), "12:00".into()), ("13:00".into(), "17:00".into())];
        week.days[3] = week.days[0].clone();
        week.days[5].note = "appointment only".into();
        week.days[6].spans = vec![("10:00".into(), "24:00".into())];
        week.holidays_closed = true;
        let osm = week.to_osm().expect("hours");
        assert!(super::super::hours::is_valid(&osm), "{osm}");
    }
}
