//! Plain-text news as it is pasted from a web page: a headline in sentence
//! case, a byline with the writer's role, a date line, and the page's
//! furniture between paragraphs. The texts are written for these tests.

use super::lines::{date_of_line, parse_byline};
use super::plaintext;

const PASTED: &str = "Harbour board delays dredging until after the spawning season

By Tove Lindqvist, Environment correspondent

Updated 3 March 2023

BERGEN (Wire) - Dredging of the inner harbour will wait until August, the harbour board said on Friday, after fishermen warned that the work would disturb the herring.

Advertisement

The board first approved the project in 2019. \"We listened,\" its chair said.

Read more: Fishermen win reprieve on northern quota

Costs and timing
The delay adds about 4 million crowns to the budget, according to the board's own figures published in January.
";

#[test]
fn headline_byline_date_line_and_furniture() {
    let n = plaintext::normalize(PASTED);
    assert_eq!(
        n.inferred.title.as_deref(),
        Some("Harbour board delays dredging until after the spawning season")
    );
    assert_eq!(n.inferred.authors, ["Tove Lindqvist"]);
    assert_eq!(
        n.inferred.category.as_deref(),
        Some("Environment correspondent")
    );
    assert_eq!(n.inferred.date.as_deref(), Some("2023-03-03"));
    assert!(n.dropped.iter().any(|d| d == "Advertisement"));
    assert!(n.dropped.iter().any(|d| d.starts_with("Read more:")));
    assert!(!n.markdown.contains("Advertisement") && !n.markdown.contains("Read more"));
    assert!(
        !n.markdown.contains("Updated 3 March"),
        "the date line is the page's date"
    );
    assert!(n.markdown.contains("## Costs and timing"));
    assert!(n.markdown.contains("first approved the project in 2019"));
}

#[test]
fn bylines_with_roles_and_places() {
    let by = parse_byline;
    assert_eq!(
        by("By Tove Lindqvist, Environment correspondent"),
        Some((
            vec!["Tove Lindqvist".to_string()],
            Some("Environment correspondent".to_string())
        ))
    );
    assert_eq!(
        by("By Ana Ruiz and Li Wei in Shanghai"),
        Some((vec!["Ana Ruiz".to_string(), "Li Wei".to_string()], None))
    );
    assert_eq!(by("By the end of the year, prices had fallen."), None);
}

#[test]
fn date_lines() {
    assert_eq!(
        date_of_line("Updated 14 November 2022").as_deref(),
        Some("2022-11-14")
    );
    assert_eq!(
        date_of_line("Published: May 3, 2019 10:42 GMT").as_deref(),
        Some("2019-05-03")
    );
    assert_eq!(date_of_line("2019-05-03").as_deref(), Some("2019-05-03"));
    assert_eq!(date_of_line("March 2021").as_deref(), Some("2021"));
    assert_eq!(date_of_line("Updated").as_deref(), None);
}

#[test]
fn furniture_words_inside_sentences_stay() {
    let text = "Prices rise again\n\nThe tax on advertisement hoardings rose in 2020, the council said.\n\nRead more: the council's report explains why the tax rose.\n";
    let n = plaintext::normalize(text);
    assert!(n.markdown.contains("advertisement hoardings"));
    assert!(
        n.markdown.contains("the council's report explains"),
        "a sentence stays"
    );
}

#[test]
fn a_page_reader_s_labels_and_links_after_the_story() {
    let text = "Rail strike: what we know about the walkout

Published
2 hours ago

Share

Image source, Getty Images
Image caption,
Commuters queued for buses in Leeds on Tuesday

Train drivers in the north will walk out for two days next week, their union has confirmed, in a dispute over pay that began in 2022.

The operator said it was disappointed. Drivers last struck in March 2023.

What happens next?
Talks are due to resume on Friday. The union would not rule out further action.

Related Topics
Rail strikes
Leeds
";
    let n = plaintext::normalize(text);
    assert_eq!(
        n.inferred.title.as_deref(),
        Some("Rail strike: what we know about the walkout")
    );
    for gone in [
        "Published",
        "2 hours ago",
        "Share",
        "Getty",
        "Commuters queued",
        "Related Topics",
        "Rail strikes",
    ] {
        assert!(!n.markdown.contains(gone), "{gone}");
    }
    assert!(n.markdown.contains("## What happens next?"));
    assert!(n.markdown.contains("began in 2022."));
}

/// A whole page as a browser's select-all copies it: the site's links
/// above the story, a standfirst, share buttons, a photo with its credit
/// in parentheses, links to other stories and the site's lines below.
const WHOLE_PAGE: &str = "Skip to main content
Europe
Economy
Climate

Ferry crews walk out as wage talks collapse

Unions reject the final offer; operators cancel crossings

By Nils Aaberg, Transport Reporter
Updated 7:40 AM GMT+1, Fri May 12, 2023

Share
Facebook
Email

TROMSØ — Ferry crews on the northern routes walked out on Friday after the last round of talks broke down overnight.

Advertisement

It is the first strike on the routes since the 2011 dispute, which lasted nine days.

A ferry moored at the Tromsø quay on Thursday. (Photo: Ida Holm/Nordic Wire)

The operators said they would run a reduced timetable from Monday.

Related
Northern routes post record traffic in 2022
Operators order two electric ferries

© 2023 Nordic Daily. All rights reserved.
Sign up for our newsletter
";

#[test]
fn a_whole_page_copied_from_the_browser() {
    let n = plaintext::normalize(WHOLE_PAGE);
    assert_eq!(
        n.inferred.title.as_deref(),
        Some("Ferry crews walk out as wage talks collapse")
    );
    assert_eq!(
        n.inferred.summary.as_deref(),
        Some("Unions reject the final offer; operators cancel crossings")
    );
    assert_eq!(n.inferred.authors, ["Nils Aaberg"]);
    assert_eq!(n.inferred.date.as_deref(), Some("2023-05-12"));
    let md = &n.markdown;
    for gone in [
        "Skip to",
        "Economy",
        "Facebook",
        "Advertisement",
        "record traffic in 2022",
        "All rights reserved",
        "newsletter",
        "GMT",
    ] {
        assert!(!md.contains(gone), "{gone}: {md}");
    }
    assert!(md.starts_with("TROMSØ — Ferry crews"), "{md}");
    assert!(md.contains("since the 2011 dispute"), "{md}");
    assert!(md.contains("reduced timetable from Monday"), "{md}");
    // The photo's caption keeps its text; the credit is set apart.
    assert!(n.markdown.contains("Ida Holm/Nordic Wire"), "{md}");
}

#[test]
fn a_short_first_line_is_no_site_menu() {
    // Two short lines over a story are a title and a kicker, not a menu.
    let text = "Obituary\n\nMara Lind\n\nMara Lind, who mapped the northern fjords for forty years, died on Monday in Bergen. She was 91.\n";
    let n = plaintext::normalize(text);
    assert!(
        n.markdown.contains("Mara Lind, who mapped"),
        "{}",
        n.markdown
    );
    assert!(n.dropped.is_empty(), "{:?}", n.dropped);
}
