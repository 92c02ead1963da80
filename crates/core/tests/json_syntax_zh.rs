//! Text that is not JSON, explained in Chinese: the explanation and serde_json's own leading
//! words, wherever they reach a person (PLAN001, the importer of the page, the cloud paste).
//! English is the same as before, byte for byte.

use easnet_core::cloud::read_paste;
use easnet_core::i18n::{plan_error_text, Catalogue, Lang};
use easnet_core::import::import_paste;
use easnet_core::plan::json_syntax::{explain, explain_in};
use easnet_core::plan::{parse_plan, Plan};

fn zh() -> &'static Catalogue {
    Catalogue::embedded(Lang::Zh).unwrap()
}

/// (English, Chinese) explanations of `text`.
fn both(text: &str) -> (String, String) {
    let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    let en = explain(text, &e);
    assert_eq!(explain_in(Catalogue::english(), text, &e), en);
    (en, explain_in(zh(), text, &e))
}

#[test]
fn each_mistake_in_chinese() {
    let cases = [
        (
            "{\n  \"a\": [1, 2,],\n}",
            "trailing comma at line 2, column 14: JSON allows no comma before a closing `]`; remove the comma at line 2, column 13",
            "多余的逗号（第 2 行第 14 列）：JSON 不允许在右方括号 `]` 前有逗号；请删除第 2 行第 13 列的逗号",
        ),
        (
            "{\n  // the region\n  \"version\": 1\n}",
            "JSON has no comments: remove line 2's `//` comment (line 2, column 3)",
            "JSON 不支持注释：请删除第 2 行的 `//` 注释（第 2 行第 3 列）",
        ),
        (
            "{/* the plan */ \"a\": 1}",
            "JSON has no comments: remove the `/* */` comment that starts at line 1, column 2",
            "JSON 不支持注释：请删除从第 1 行第 2 列开始的 `/* */` 注释",
        ),
        (
            "\"metadata\": {\"name\": \"x\"}",
            "trailing characters at line 1, column 11: this is a member (`\"key\": value`), not a whole JSON document: put `{` before it and `}` after it",
            "JSON 之后还有多余的字符（第 1 行第 11 列）：这是一个成员（`\"key\": value`），而不是完整的 JSON 文档：请在它前面加上 `{`，后面加上 `}`",
        ),
        (
            r#"{"name": "llm\_chat"}"#,
            "invalid escape at line 1, column 15: `\\_` is not a JSON escape (web pages write it for `_`): write `_` at line 1, column 14",
            "无效的转义（第 1 行第 15 列）：`\\_` 不是 JSON 转义（网页常把 `_` 写成这样）：请在第 1 行第 14 列改为 `_`",
        ),
        (
            r#"{"path": "C:\users"}"#,
            "invalid escape at line 1, column 18: `\\u` needs four hex digits (`\\u00e9`); for a backslash write `\\\\` at line 1, column 13",
            "无效的转义（第 1 行第 18 列）：`\\u` 后须跟四位十六进制数字（如 `\\u00e9`）；如要表示反斜杠，请在第 1 行第 13 列写成 `\\\\`",
        ),
        (
            "{\n  \"a\": [1\n",
            "EOF while parsing a list at line 2, column 10: the text ends before its last `}`; add `]}` at the end",
            "解析列表时文本已结束（第 2 行第 10 列）：文本在最后一个 `}` 之前就结束了；请在末尾加上 `]}`",
        ),
        (
            "{\"a\": 1,",
            "EOF while parsing a value at line 1, column 8: the text ends after a comma: remove the comma at line 1, column 8 and add `}`",
            "解析值时文本已结束（第 1 行第 8 列）：文本在逗号之后就结束了：请删除第 1 行第 8 列的逗号，并加上 `}`",
        ),
        (
            "\u{feff}{}",
            "expected value at line 1, column 1: the text starts with a byte-order mark (an editor's \"UTF-8 with BOM\"): save it as plain UTF-8",
            "此处应为一个值（第 1 行第 1 列）：文本以字节顺序标记开头（编辑器中的“UTF-8 with BOM”）：请另存为不带 BOM 的 UTF-8",
        ),
        (
            "{\"a\" 1}",
            "expected `:` at line 1, column 6",
            "此处应为 `:`（第 1 行第 6 列）",
        ),
    ];
    for (text, en, zh) in cases {
        assert_eq!(both(text), (en.to_owned(), zh.to_owned()), "{text:?}");
    }
}

#[test]
fn plan001_and_the_importer_in_chinese() {
    let e = parse_plan("{\"version\": 1, \"vpcs\": [\n  {\"id\": \"vpc-a\",}\n]}").unwrap_err();
    assert_eq!(
        plan_error_text(Catalogue::english(), &e),
        "vpcs[0]: trailing comma at line 2, column 18: JSON allows no comma before a closing `}`; remove the comma at line 2, column 17"
    );
    assert_eq!(
        plan_error_text(zh(), &e),
        "vpcs[0]：多余的逗号（第 2 行第 18 列）：JSON 不允许在右花括号 `}` 前有逗号；请删除第 2 行第 17 列的逗号"
    );

    let e = import_paste("{\"version\": 1\n", &Plan::empty()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "not JSON: EOF while parsing an object at line 1, column 14: the text ends before its last `}`; add `}` at the end"
    );
    assert_eq!(
        e.message_in(zh()),
        "不是 JSON：解析对象时文本已结束（第 1 行第 14 列）：文本在最后一个 `}` 之前就结束了；请在末尾加上 `}`"
    );
    let e = import_paste("{\"hello\": 1}", &Plan::empty()).unwrap_err();
    assert!(e
        .message_in(zh())
        .starts_with("应为规划（含 \"version\": 1）、EAS 服务 JSON"));
    let e = import_paste("[1]", &Plan::empty()).unwrap_err();
    assert_eq!(
        e.message_in(zh()),
        "应为规划、EAS 服务 JSON 或 aliyun describe 调用的输出：一个 JSON 对象"
    );
}

#[test]
fn a_describe_paste_that_is_not_json_in_chinese() {
    let e = read_paste("{\"Vpcs\": {}} $ aliyun").unwrap_err();
    assert_eq!(
        e.message,
        "not JSON after 1 response: expected value at line 1 column 14; paste only what `aliyun` printed"
    );
    assert_eq!(
        e.message_in(zh()),
        "第 1 个响应之后的内容不是 JSON：此处应为一个值（第 1 行第 14 列）；请只粘贴 `aliyun` 输出的内容"
    );
}
