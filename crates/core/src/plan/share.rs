//! A plan carried in a URL fragment: `v1.` + base64url(raw deflate(plan JSON)). The fragment
//! never reaches a server; this only makes long plans short enough to paste.
//!
//! [`encode`] and [`decode`] do it all here. The page deflates and inflates with the browser's
//! own streams instead (no deflate code in its .wasm), around the same format: [`pack`] the
//! deflated bytes into a fragment, [`unpack`] a fragment into them, [`read_inflated`] the
//! text they inflate to.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use crate::args;
use crate::i18n::Catalogue;

const PREFIX: &str = "v1.";
/// A decoded plan larger than this is refused (a hostile link must not exhaust memory).
pub const MAX_DECODED: usize = 16 * 1024 * 1024;

/// Why a link carries no plan that can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Not an easnet link (no `v1.`).
    NotAPlan,
    /// Not base64url: cut or changed.
    NotBase64,
    /// Not raw deflate, or cut off.
    Damaged,
    /// Inflates past [`MAX_DECODED`].
    TooLarge,
    /// Inflates to bytes that are not UTF-8.
    NotUtf8,
}

impl ShareError {
    /// The error in the words of `cat`.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::Catalogue;
    /// use easnet_core::plan::share::{decode, ShareError};
    /// assert_eq!(decode("#v2.abc"), Err(ShareError::NotAPlan));
    /// assert_eq!(
    ///     ShareError::TooLarge.text(Catalogue::english()),
    ///     "the link's plan is larger than 16 MB, more than the page reads from a link"
    /// );
    /// ```
    pub fn text(self, cat: &Catalogue) -> String {
        let key = match self {
            ShareError::NotAPlan => "share_error.not_a_plan",
            ShareError::NotBase64 => "share_error.not_base64",
            ShareError::Damaged => "share_error.damaged",
            ShareError::TooLarge => "share_error.too_large",
            ShareError::NotUtf8 => "share_error.not_utf8",
        };
        cat.text(key, args![mb = MAX_DECODED >> 20])
    }
}

/// In English.
impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Catalogue::english()))
    }
}

impl std::error::Error for ShareError {}

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
    pack(&compress_to_vec(text.as_bytes(), 9))
}

/// Decodes a fragment made by [`encode`] (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<String, ShareError> {
    let raw = decompress_to_vec_with_limit(&unpack(fragment)?, MAX_DECODED).map_err(|e| {
        // The limit reached is a plan too large, not a damaged link: say which.
        if e.status == TINFLStatus::HasMoreOutput {
            ShareError::TooLarge
        } else {
            ShareError::Damaged
        }
    })?;
    read_inflated(raw)
}

/// The fragment (without `#`) carrying plan JSON deflated elsewhere (raw deflate, RFC 1951).
pub fn pack(deflated: &[u8]) -> String {
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// The deflated bytes a fragment carries (with or without the leading `#`), to inflate
/// elsewhere, at most [`MAX_DECODED`] bytes of output.
///
/// # Examples
/// ```
/// use easnet_core::plan::share::{pack, unpack, ShareError};
/// assert_eq!(unpack(&format!("#{}", pack(&[1, 2, 250]))), Ok(vec![1, 2, 250]));
/// assert_eq!(unpack("v1.a*b"), Err(ShareError::NotBase64));
/// assert_eq!(unpack("https://x/#v1.abc"), Err(ShareError::NotAPlan));
/// ```
pub fn unpack(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let body = fragment.trim_start_matches('#');
    let body = body.strip_prefix(PREFIX).ok_or(ShareError::NotAPlan)?;
    URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| ShareError::NotBase64)
}

/// The plan JSON text of the bytes a link inflated to.
pub fn read_inflated(raw: Vec<u8>) -> Result<String, ShareError> {
    String::from_utf8(raw).map_err(|_| ShareError::NotUtf8)
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
        assert_eq!(decode(&encode(&huge)), Err(ShareError::TooLarge));
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
        assert_eq!(decode("v1."), Err(ShareError::Damaged));
    }
}
