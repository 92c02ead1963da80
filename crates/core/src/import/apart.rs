//! Describe output imported apart from the page: what goes to the importer's Web Worker and
//! what comes back.
//!
//! The describe importer ([`crate::cloud`]) is about a tenth of the page's code, and most
//! visits never paste describe output: the page leaves it out and loads it, in a worker of its
//! own (`crates/importer`), the first time such a paste comes. Both sides speak in strings,
//! which `postMessage` carries as they are:
//! - the request: the paste, the current plan as plan JSON ([`write_plan`]), and the words of
//!   the page's language (its tag and its catalogue's JSON), so the summary and the refusals
//!   are in the page's language;
//! - the answer ([`answer`]): `["merged", plan JSON, summary JSON]`, or `["refused", why]`.
//!
//! The merged plan goes back as plan JSON too: the page reads it with the reader it has
//! ([`parse_plan_shape`]), which keeps each service JSON's text byte for byte.

use crate::cloud::{self, ImportSummary};
use crate::i18n::{plan_error_text, Catalogue};
use crate::plan::{parse_plan_shape, write_plan, Plan};

use super::{strip_bom, Pasted};

const MERGED: &str = "merged";
const REFUSED: &str = "refused";

/// The importer's answer to a paste of describe output, merged into the plan written as
/// `plan_json`, in the words of `cat`.
///
/// # Examples
/// ```
/// use easnet_core::i18n::Catalogue;
/// use easnet_core::import::apart::{answer, read_answer};
/// use easnet_core::import::Pasted;
/// use easnet_core::plan::{write_plan, Plan};
/// let paste = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}"#;
/// let got = answer(paste, &write_plan(&Plan::empty()), Catalogue::english());
/// assert_eq!(got[0], "merged");
/// let Ok(Pasted::Network { plan, summary }) = read_answer(&got) else { panic!() };
/// assert_eq!((plan.vpcs[0].id.as_str(), summary.imported), ("vpc-a", 1));
///
/// let cut = r#"{"NextToken": "AAAB", "SecurityGroups": {"SecurityGroup": []}}"#;
/// let got = answer(cut, &write_plan(&plan), Catalogue::english());
/// assert!(read_answer(&got).unwrap_err().starts_with("the response (DescribeSecurityGroups) is cut off"));
/// ```
pub fn answer(paste: &str, plan_json: &str, cat: &Catalogue) -> Vec<String> {
    let refused = |why: String| vec![REFUSED.to_owned(), why];
    let current = match parse_plan_shape(plan_json) {
        Ok(plan) => plan,
        Err(e) => return refused(plan_error_text(cat, &e)),
    };
    match cloud::import_in(strip_bom(paste), &current, cat) {
        Ok(n) => match serde_json::to_string(&n.summary) {
            Ok(summary) => vec![MERGED.to_owned(), write_plan(&n.plan), summary],
            Err(e) => refused(e.to_string()),
        },
        Err(e) => refused(e.message_in(cat)),
    }
}

/// The page's reading of an [`answer`]: the merged plan and its summary, or why nothing was
/// imported (in the words the request was made in). An answer of another shape (a worker of
/// another version) is refused with what was wrong in it.
///
/// # Examples
/// ```
/// use easnet_core::import::apart::read_answer;
/// let why = vec!["refused".to_owned(), "not authorized".to_owned()];
/// assert_eq!(read_answer(&why).unwrap_err(), "not authorized");
/// assert!(read_answer(&["merged".to_owned(), "{}".to_owned()]).is_err());
/// ```
pub fn read_answer(answer: &[String]) -> Result<Pasted, String> {
    match answer {
        [kind, why] if kind == REFUSED => Err(why.clone()),
        [kind, plan, summary] if kind == MERGED => {
            let plan: Plan = parse_plan_shape(plan).map_err(|e| format!("merged plan: {e}"))?;
            let summary: ImportSummary =
                serde_json::from_str(summary).map_err(|e| format!("import summary: {e}"))?;
            Ok(Pasted::Network { plan, summary })
        }
        _ => Err(format!(
            "the importer answered {} parts, not [\"{MERGED}\", plan, summary] or [\"{REFUSED}\", why]",
            answer.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::import::import_paste_in;
    use crate::plan::parse_plan;
    use crate::samples::examples::EXAMPLES;

    const VSWITCHES: &str = r#"{"VSwitches": {"VSwitch": [{"VSwitchId": "vsw-new1", "VpcId": "vpc-uf6ml-prod",
        "CidrBlock": "192.168.40.0/24", "ZoneId": "cn-shanghai-e", "AvailableIpAddressCount": 250}]}}"#;

    /// Apart or in one go, every example plan gets the same plan and summary, in both
    /// languages: the round trip through plan JSON loses nothing.
    #[test]
    fn apart_is_the_same_import_as_in_one_go() {
        let zh = Catalogue::embedded(Lang::Zh).unwrap();
        for example in EXAMPLES {
            let plan = parse_plan(example.json).unwrap();
            for cat in [Catalogue::english(), zh] {
                let apart = read_answer(&answer(VSWITCHES, &write_plan(&plan), cat));
                let whole = import_paste_in(VSWITCHES, &plan, cat).map_err(|e| e.message_in(cat));
                assert_eq!(apart, whole, "{}", example.name);
            }
        }
    }

    #[test]
    fn a_refusal_is_in_the_words_of_the_request() {
        let zh = Catalogue::embedded(Lang::Zh).unwrap();
        let denied =
            r#"{"RequestId": "r", "Code": "Forbidden.RAM", "Message": "User not authorized"}"#;
        let plan = write_plan(&Plan::empty());
        let why = read_answer(&answer(denied, &plan, zh)).unwrap_err();
        let whole = import_paste_in(denied, &Plan::empty(), zh).unwrap_err();
        assert_eq!(why, whole.message_in(zh));
        assert!(why.contains("Forbidden.RAM"), "{why}");
    }

    #[test]
    fn a_plan_that_cannot_be_read_is_refused_with_its_path() {
        let why = answer(
            VSWITCHES,
            r#"{"version": 1, "vpcs": 3}"#,
            Catalogue::english(),
        );
        assert_eq!(why[0], REFUSED);
        assert!(why[1].starts_with("vpcs"), "{why:?}");
    }

    #[test]
    fn an_answer_of_another_shape_is_refused_not_read() {
        for bad in [
            vec![],
            vec!["merged".to_owned()],
            vec!["what".into(), "x".into()],
        ] {
            assert!(read_answer(&bad).is_err(), "{bad:?}");
        }
        let not_a_plan = vec!["merged".into(), "[]".into(), "{}".into()];
        assert!(read_answer(&not_a_plan)
            .unwrap_err()
            .starts_with("merged plan"));
        let not_a_summary = vec!["merged".into(), write_plan(&Plan::empty()), "1".into()];
        assert!(read_answer(&not_a_summary)
            .unwrap_err()
            .starts_with("import summary"));
    }

    #[test]
    fn a_byte_order_mark_is_not_json() {
        let got = answer(
            &format!("\u{feff}{VSWITCHES}"),
            &write_plan(&Plan::empty()),
            Catalogue::english(),
        );
        // The VPC it names is not in the plan: the vSwitch is skipped, but the paste is read.
        assert_eq!(got[0], MERGED, "{got:?}");
    }
}
