//! Every finding code's title (`<CODE>.title`, SARIF's rule short description) is in both
//! catalogues, the English one the same as [`Code::title`], and the Chinese one not.

use std::path::Path;

use easnet_core::analyze::Code;
use easnet_core::i18n::{Catalogue, Lang};

fn catalogue(lang: Lang) -> Catalogue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("i18n/{}.json", lang.tag()));
    Catalogue::from_json(lang, &std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_code_has_its_title_in_both_languages() {
    let (en, zh) = (catalogue(Lang::En), catalogue(Lang::Zh));
    let mut problems = Vec::new();
    for &code in Code::ALL {
        let key = format!("{code}.title");
        match (en.template(&key), zh.template(&key)) {
            (Some(e), Some(z)) => {
                if e != code.title() {
                    problems.push(format!(
                        "{key}: en.json says {e:?}, Code::title {:?}",
                        code.title()
                    ));
                }
                if z == e {
                    problems.push(format!("{key}: not translated: {z:?}"));
                }
            }
            _ => problems.push(format!("{key}: missing")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
