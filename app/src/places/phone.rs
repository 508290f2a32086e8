//! A phone number as the data has it ("+420 252 543 846 (information
//! centre, 2020)", "800 100 000 (newinprague.cz); Prague Contact Centre
//! 1244") split into the number to call and the note around it, so that a
//! year in a note never becomes digits of the number. Whether the number
//! exists is libphonenumber's call (the `phonenumber` crate), not ours.
use super::model::Phone;
use phonenumber::{country, Mode};

/// The first number in `text`, checked against the numbering plan of the
/// city's country (`country`, ISO 3166) unless it starts with `+`; None when
/// no callable number is there.
pub fn split(text: &str, country: &str) -> Option<Phone> {
    let start = text.find(|c: char| c.is_ascii_digit() || c == '+')?;
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == ' ' || (*c == '+' && *i == 0)))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let candidate = rest[..end].trim();
    let region: Option<country::Id> = country.parse().ok();
    let number = phonenumber::parse(region, candidate).ok()?;
    if !phonenumber::is_valid(&number) {
        return None;
    }
    let note = format!("{}{}", &text[..start], &rest[end..]);
    let note = note.trim().trim_start_matches([';', ',', '/']).trim().to_string();
    Some(Phone {
        e164: number.format().mode(Mode::E164).to_string(),
        shown: number.format().mode(Mode::International).to_string(),
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_stays_out_of_the_number() {
        let p = split("+420 252 543 846 (information centre, 2020)", "CZ").expect("a number");
        assert_eq!(p.e164, "+420252543846");
        assert_eq!(p.shown, "+420 252 543 846");
        assert_eq!(p.note, "(information centre, 2020)");
        let p = split("800 100 000 (newinprague.cz); Prague Contact Centre 1244", "CZ")
            .expect("a national number");
        assert_eq!(p.e164, "+420800100000");
        assert!(p.note.contains("1244"), "{}", p.note);
    }

    #[test]
    fn national_numbers_take_the_city_country_code() {
        let p = split("055 622 1281", "SK").expect("a Slovak number");
        assert_eq!(p.e164, "+421556221281");
        let p = split("+421 55 622 1281 (older listing)", "CZ").expect("an international number");
        assert_eq!(p.e164, "+421556221281");
        assert_eq!(p.note, "(older listing)");
    }

    #[test]
    fn what_is_no_number_is_refused() {
        assert_eq!(split("1244", "CZ"), None);
        assert_eq!(split("call us", "CZ"), None);
        // Nine digits, but no Czech number starts with 1.
        assert_eq!(split("123 456 789", "CZ"), None);
        assert_eq!(split("+420 252 543 846 2020", "CZ"), None);
    }
}
