//! A plan carried in a URL fragment: `v1.` + base64url(raw deflate(plan JSON)). The fragment
//! never reaches a server; this only makes long plans short enough to paste.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

const PREFIX: &str = "v1.";
/// A decoded plan larger than this is refused (a hostile link must not exhaust memory).
pub const MAX_DECODED: usize = 16 * 1024 * 1024;

/// Encodes plan JSON text for a URL fragment.
///
/// # Examples
/// ```
/// use easnet_core::plan::share::{decode, encode};
/// let text = r#"{"version": 1}"#;
/// assert_eq!(decode(&encode(text)).unwrap(), text);
/// assert!(decode("v1.not*base64").is_err());
/// ```
pub fn encode(text: &str) -> String {
    format!(
        "{PREFIX}{}",
        URL_SAFE_NO_PAD.encode(compress_to_vec(text.as_bytes(), 9))
    )
}

/// Decodes a fragment made by [`encode`] (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<String, String> {
    let body = fragment.trim_start_matches('#');
    let body = body
        .strip_prefix(PREFIX)
        .ok_or("the link does not carry an easnet plan (expected #v1.…)")?;
    let bytes = URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| "the link's plan is damaged (not base64url); was it cut off?")?;
    let raw = decompress_to_vec_with_limit(&bytes, MAX_DECODED).map_err(|e| {
        // The limit reached is a plan too large, not a damaged link: say which.
        if e.status == TINFLStatus::HasMoreOutput {
            format!(
                "the link's plan is larger than {} MB, more than the page reads from a link",
                MAX_DECODED >> 20
            )
        } else {
            "the link's plan is damaged (cannot be decompressed); was it cut off?".to_owned()
        }
    })?;
    String::from_utf8(raw).map_err(|_| "the link's plan is not UTF-8 text".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_example() {
        for example in crate::samples::examples::EXAMPLES {
            let fragment = encode(example.json);
            assert!(fragment.len() < example.json.len(), "compresses");
            assert!(fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
            assert_eq!(decode(&format!("#{fragment}")).unwrap(), example.json);
        }
    }

    #[test]
    fn a_plan_past_the_limit_is_too_large_not_damaged() {
        let huge = " ".repeat(MAX_DECODED + 1);
        let err = decode(&encode(&huge)).unwrap_err();
        assert!(err.contains("larger than 16 MB"), "{err}");
        let exact = " ".repeat(MAX_DECODED);
        assert_eq!(decode(&encode(&exact)).map(|t| t.len()), Ok(MAX_DECODED));
    }

    #[test]
    fn damaged_links_are_errors() {
        let good = encode("{\"version\": 1}");
        assert!(decode(&good[..good.len() - 3]).is_err());
        assert!(decode("#v2.abc").is_err());
        assert!(decode("").is_err());
        // An empty body: nothing to inflate, which is a damaged link, not an empty plan.
        let err = decode("v1.").unwrap_err();
        assert!(err.contains("damaged"), "{err}");
    }
}
