//! Places where books are published, as notes name them before the
//! publisher (`Paris, Gallimard, 1998`, `Moscow: Nauka`), in the
//! languages the notes are written in. Only the cities publishers are
//! commonly placed in: a short list that tells `Paris, Gallimard` (the
//! place first) from `Penguin, London` (the publisher first).

const PLACES: &[&str] = &[
    // English names and the places English-language presses use.
    "London",
    "Oxford",
    "Cambridge",
    "New York",
    "Boston",
    "Chicago",
    "Princeton",
    "New Haven",
    "Stanford",
    "Berkeley",
    "Los Angeles",
    "Washington",
    "Baltimore",
    "Philadelphia",
    "Ithaca",
    "Toronto",
    "Montreal",
    "Sydney",
    "Melbourne",
    "Edinburgh",
    "Manchester",
    "Abingdon",
    "Basingstoke",
    "Cheltenham",
    "Leiden",
    "Amsterdam",
    "The Hague",
    "Dordrecht",
    "Singapore",
    "Hong Kong",
    "Tokyo",
    "Beijing",
    "Shanghai",
    "Moscow",
    "St Petersburg",
    "St. Petersburg",
    "Berlin",
    "Munich",
    "Vienna",
    "Geneva",
    "Brussels",
    "Rome",
    "Milan",
    "Florence",
    "Madrid",
    "Barcelona",
    "Lisbon",
    "Stockholm",
    "Copenhagen",
    "Oslo",
    "Helsinki",
    "Warsaw",
    "Prague",
    "Budapest",
    "Paris",
    "Lyon",
    // French.
    "Londres",
    "Genève",
    "Bruxelles",
    "Montréal",
    "Québec",
    "Lausanne",
    "Rennes",
    "Lille",
    "Bordeaux",
    "Toulouse",
    "Grenoble",
    "Strasbourg",
    "Marseille",
    "Aix-en-Provence",
    "Nanterre",
    "Moscou",
    "Pékin",
    "Berne",
    // German.
    "München",
    "Wien",
    "Zürich",
    "Frankfurt",
    "Frankfurt am Main",
    "Hamburg",
    "Leipzig",
    "Köln",
    "Stuttgart",
    "Tübingen",
    "Göttingen",
    "Heidelberg",
    "Baden-Baden",
    "Bonn",
    "Freiburg",
    "Moskau",
    "Basel",
    "Bern",
    // Italian, Spanish, Portuguese.
    "Roma",
    "Milano",
    "Torino",
    "Bologna",
    "Firenze",
    "Napoli",
    "Venezia",
    "Padova",
    "Buenos Aires",
    "México",
    "Ciudad de México",
    "Santiago",
    "Lisboa",
    "São Paulo",
    "Rio de Janeiro",
    "Sevilla",
    "Valencia",
    // Russian and Chinese.
    "Москва",
    "М.",
    "Санкт-Петербург",
    "СПб.",
    "Ленинград",
    "Л.",
    "Новосибирск",
    "Владивосток",
    "Екатеринбург",
    "Казань",
    "北京",
    "上海",
    "香港",
    "台北",
];

/// Whether `field` names a place publishers are placed in.
pub(super) fn is_publishing_place(field: &str) -> bool {
    let f = field.trim().trim_end_matches(':').trim();
    PLACES.contains(&f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_known_and_publishers_are_not() {
        for p in ["Paris", "New York", "Москва", "München ", "Genève:"] {
            assert!(is_publishing_place(p), "{p}");
        }
        for p in ["Gallimard", "Penguin", "Harbour Press", "", "paris"] {
            assert!(!is_publishing_place(p), "{p}");
        }
    }
}
