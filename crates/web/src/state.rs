//! The page's state: the plan being edited and its analysis, changed only through [`Action`]s.
//! Every change of the plan is re-analysed here, so every view reads one consistent report.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use easnet_core::analyze::{analyze_with, Report, ServiceCache};
use easnet_core::cloud::ImportSummary;
use easnet_core::i18n::{plan_error_text, Catalogue, Lang};
use easnet_core::import::{import_here, ImportError, Pasted};
use easnet_core::plan::{parse_plan, parse_plan_shape, Plan};
use easnet_core::samples::examples::{default_example, EXAMPLES};
use easnet_core::text::decimal::fixed;
use yew::Reducible;

use crate::browser;
use crate::words::Words;

/// How many edits undo remembers.
const HISTORY: usize = 200;

/// An analysis slower than this (a plan of hundreds of services) makes the following typed
/// edits wait for their own analysis until the keystroke has been painted: the field answers
/// in the frame of the keystroke, the findings one frame later ([`AppState::stale`]). Below
/// it, analysing at once costs the keystroke's frame nothing worth saving, and every view
/// always shows the plan as typed.
const DEFER_ABOVE_MS: f64 = 4.0;

/// A message for the user about the last import or load: a template of the catalogues and
/// its values, put in words when drawn (so that it follows a change of language).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub error: bool,
    /// The key of its template (`ui.notice.…`).
    pub key: &'static str,
    /// The values of the template, by name. A value named `source` is where a plan came from
    /// ([`source_name`]).
    pub args: Vec<(&'static str, String)>,
}

impl Notice {
    pub fn new(error: bool, key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Notice { error, key, args }
    }

    /// "Reading 2.5 MB from paste…": said before a large text is read, which keeps the tab
    /// busy for a moment. `the`: a source said with "the" ("the shared link").
    pub fn reading(size: usize, source: &str, the: bool) -> Self {
        let key = if the {
            "ui.notice.reading_the"
        } else {
            "ui.notice.reading"
        };
        let mb = fixed(size as f64 / 1e6, 1);
        Notice::new(false, key, vec![("mb", mb), ("source", source.to_owned())])
    }

    /// The notice in `words`.
    pub fn text(&self, words: &Catalogue) -> String {
        let values: Vec<String> = (self.args.iter())
            .map(|(name, v)| match *name {
                "source" => source_name(words, v),
                _ => v.clone(),
            })
            .collect();
        let args: Vec<easnet_core::i18n::Arg> = (self.args.iter().zip(&values))
            .map(|((name, _), v)| (*name, v as &dyn std::fmt::Display))
            .collect();
        words.text(self.key, &args)
    }
}

/// Where a plan came from, in words: the sources the page names itself (`shared link`, `new
/// plan`, …, kept in English in the state and the autosave) in the page's language; an
/// example's or a file's name as it is.
pub fn source_name(words: &Catalogue, source: &str) -> String {
    let key = match source {
        "shared link" => "ui.source.shared_link",
        "saved plan" => "ui.source.saved_plan",
        "new plan" => "ui.source.new_plan",
        "paste" => "ui.source.paste",
        _ => match source.strip_suffix(" files").and_then(|n| n.parse().ok()) {
            Some(n) => return words.count("ui.source.files", n, &[]),
            None => return source.to_owned(),
        },
    };
    words.text(key, &[])
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub plan: Rc<Plan>,
    pub report: Rc<Report>,
    /// Where the plan came from: an example's name, a file name, "new plan".
    pub source: String,
    pub undo: Vec<(Rc<Plan>, String)>,
    pub redo: Vec<(Rc<Plan>, String)>,
    /// The field of the last edit: consecutive keystrokes in one field are one undo step.
    last_field: Option<String>,
    pub notice: Option<Notice>,
    /// What the last import of `aliyun` describe output brought in, until dismissed or until
    /// the plan changes again (an edit, undo, redo).
    pub last_import: Option<Rc<LastImport>>,
    /// The report is of an earlier plan: a large plan's typed edit waits for
    /// [`Action::Analyze`], which the page sends once the keystroke is painted.
    pub stale: bool,
    /// How long the last analysis took, in milliseconds (0 outside a browser).
    analysis_ms: f64,
    /// A large shared or saved plan waits to be read ([`Action::Restore`]): the page shows an
    /// empty plan and says it is reading, and this state is never autosaved.
    pub reading: bool,
    /// The language of the report's words (and the page's): English until another is
    /// loaded ([`Action::Words`]).
    pub words: Words,
    /// The language chosen: `words` once they are loaded.
    pub lang: Lang,
    /// A paste of `aliyun` describe output being merged apart ([`crate::importer`]): the page
    /// sends it to the importer when this is set, and [`Action::Merged`] brings the answer.
    pub pending: Option<Rc<PendingImport>>,
}

/// A paste of describe output on its way through the importer, and the plan it is merged into.
#[derive(Debug, PartialEq)]
pub struct PendingImport {
    pub text: Rc<str>,
    pub source: String,
    /// The plan when the paste came: the merge applies only if it is still the page's plan.
    pub base: Rc<Plan>,
    /// The summary of an import already merged, asked for again in the words the page has
    /// switched to: only the summary is taken from the answer.
    pub retell: bool,
    /// The language of the words the importer is given (the page's when it was asked).
    pub lang: Lang,
}

/// The summary of the last import of describe output, and the paste it came from: a switch of
/// language asks the importer for the summary again, in the new words.
#[derive(Debug, PartialEq)]
pub struct LastImport {
    pub summary: Rc<ImportSummary>,
    pub of: Option<Rc<PendingImport>>,
    /// The language the summary is written in.
    pub lang: Lang,
}

thread_local! {
    /// The service JSON reads of the last analysis: an edit re-reads only the services whose
    /// JSON changed.
    static SERVICE_READS: RefCell<ServiceCache> = RefCell::default();
}

/// A saved or shared plan's text read (its shape only, like [`AppState::restore`]), or the
/// notice saying why it could not be.
pub fn read_saved(text: &str, source: &str, words: Words) -> Result<Plan, Notice> {
    parse_plan_shape(text).map_err(|e| {
        let error = plan_error_text(words.0, &e);
        let args = vec![("source", source.to_owned()), ("error", error)];
        Notice::new(true, "ui.notice.unreadable", args)
    })
}

/// "Merged the network from …: 3 imported, …", its counts in `words`.
fn merged_notice(summary: &ImportSummary, source: &str, words: Words) -> Notice {
    let args = vec![
        ("source", source.to_owned()),
        ("counts", summary.counts(words.0)),
    ];
    Notice::new(false, "ui.notice.merged", args)
}

/// Why an import failed, in `words`.
fn import_error(e: &ImportError, words: Words) -> String {
    e.message_in(words.0)
}

/// A large shared or saved plan, read and analysed ahead of [`Action::Restore`], a frame
/// apart each.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed {
    plan: Plan,
    report: Rc<Report>,
    analysis_ms: f64,
    source: String,
    words: Words,
}

impl Analysed {
    pub fn new(plan: Plan, source: String, words: Words) -> Self {
        let (report, analysis_ms) = analyzed(&plan, words);
        Analysed {
            plan,
            report,
            analysis_ms,
            source,
            words,
        }
    }
}

/// The analysis of `plan` in `words`, timed as the page's `easnet-analysis` measure, and how
/// long it took in milliseconds.
fn analyzed(plan: &Plan, words: Words) -> (Rc<Report>, f64) {
    let start = browser::now();
    let report = browser::measured("easnet-analysis", || {
        SERVICE_READS.with(|cache| analyze_with(plan, &mut cache.borrow_mut(), words.0))
    });
    (Rc::new(report), browser::now() - start)
}

impl AppState {
    /// A fresh state of `plan`, analysed in the words the page opened in ([`Words::start`];
    /// another language comes with [`Action::Words`]).
    pub fn with_plan(plan: Plan, source: impl Into<String>) -> Self {
        let (report, analysis_ms) = analyzed(&plan, Words::start());
        AppState {
            report,
            analysis_ms,
            ..Self::with_report(plan, source)
        }
    }

    /// This state in `words`: the report analysed again when it is in another language.
    fn in_words(self, words: Words) -> Self {
        if self.words == words {
            return self;
        }
        let (report, analysis_ms) = analyzed(&self.plan, words);
        AppState {
            report,
            analysis_ms,
            words,
            stale: false,
            ..self
        }
    }

    /// A fresh state of `plan`, with an empty report for the caller to replace.
    fn with_report(plan: Plan, source: impl Into<String>) -> Self {
        AppState {
            report: Rc::default(),
            analysis_ms: 0.0,
            plan: Rc::new(plan),
            source: source.into(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_field: None,
            notice: None,
            last_import: None,
            stale: false,
            reading: false,
            words: Words::start(),
            lang: Words::start().lang(),
            pending: None,
        }
    }

    /// An empty page saying that a plan of `size` bytes from `source` is being read: what
    /// the page shows until [`Action::Restore`] brings the plan.
    pub fn reading(source: &str, size: usize) -> Self {
        AppState {
            notice: Some(Notice::reading(size, source, true)),
            reading: true,
            ..Self::with_plan(Plan::empty(), source)
        }
    }

    /// The default example plan.
    pub fn initial() -> Self {
        match parse_plan(default_example().json) {
            Ok(plan) => Self::with_plan(plan, default_example().name),
            Err(_) => Self::with_plan(Plan::empty(), "new plan"),
        }
    }

    /// The default plan with a message (a link or a save that could not be read).
    pub fn initial_with_notice(notice: Notice) -> Self {
        AppState {
            notice: Some(notice),
            ..Self::initial()
        }
    }

    /// Restores a saved or shared plan's text; a text that no longer reads gives the default
    /// plan with a notice saying why. Only the shape is checked: a plan saved in the middle
    /// of an edit comes back as it was, its PLAN001 findings with it.
    pub fn restore(text: &str, source: &str) -> Self {
        match read_saved(text, source, Words::start()) {
            Ok(plan) => Self::with_plan(plan, source),
            Err(notice) => Self::initial_with_notice(notice),
        }
    }

    /// Moves to `plan`, remembering the current one for undo.
    fn change(
        &self,
        plan: Plan,
        source: Option<String>,
        field: Option<String>,
        notice: Option<Notice>,
    ) -> Self {
        let mut undo = self.undo.clone();
        let coalesce = field.is_some() && field == self.last_field;
        if !coalesce {
            undo.push((self.plan.clone(), self.source.clone()));
            if undo.len() > HISTORY {
                undo.remove(0);
            }
        }
        // Only an edit made in a field (typing, a check box: `browser::focused_field`; not a
        // drop-down, a button's add or delete, an import, an undo) waits, and only when analyses take a noticeable part
        // of a frame.
        let stale = field.is_some() && self.analysis_ms > DEFER_ABOVE_MS;
        let (report, analysis_ms) = if stale {
            (self.report.clone(), self.analysis_ms)
        } else {
            analyzed(&plan, self.words)
        };
        AppState {
            report,
            analysis_ms,
            plan: Rc::new(plan),
            source: source.unwrap_or_else(|| self.source.clone()),
            undo,
            redo: Vec::new(),
            last_field: field,
            notice,
            last_import: None,
            stale,
            reading: false,
            words: self.words,
            lang: self.lang,
            // An answer for another plan is refused when it comes (Action::Merged).
            pending: self.pending.clone(),
        }
    }

    /// The summary on screen, asked for again when it is in another language than the page's:
    /// unless a paste is on its way (its answer comes first, and asks again if it must), or
    /// the summary is already being asked for in this language. A retell for another
    /// language is replaced (its answer will not be the one awaited).
    fn retell_if_needed(mut self) -> Self {
        let lang = self.words.lang();
        let Some(last) = &self.last_import else {
            return self;
        };
        if last.lang == lang {
            // Back to the summary's own language: a retell for another is not wanted.
            if self.pending.as_ref().is_some_and(|p| p.retell) {
                self.pending = None;
            }
            return self;
        }
        let Some(told) = &last.of else {
            return self;
        };
        let busy = (self.pending.as_ref()).is_some_and(|p| !p.retell || p.lang == lang);
        if !busy {
            self.pending = Some(Rc::new(PendingImport {
                retell: true,
                text: told.text.clone(),
                source: told.source.clone(),
                base: told.base.clone(),
                lang,
            }));
        }
        self
    }

    /// The summary of the import on screen, told again in the page's words (and its notice,
    /// if still shown); anything else (the import dismissed or undone meanwhile, a refusal)
    /// leaves the page as it is.
    fn retold(&self, of: &PendingImport, got: Result<Pasted, String>) -> Self {
        let (Some(last), Ok(Pasted::Network { summary, .. })) = (&self.last_import, got) else {
            return self.clone();
        };
        let Some(told) = last
            .of
            .as_ref()
            .filter(|told| Rc::ptr_eq(&told.text, &of.text))
        else {
            return self.clone();
        };
        let notice = match &self.notice {
            Some(n) if n.key == "ui.notice.merged" => {
                Some(merged_notice(&summary, &told.source, self.words))
            }
            other => other.clone(),
        };
        AppState {
            notice,
            last_import: Some(Rc::new(LastImport {
                summary: Rc::new(summary),
                of: Some(told.clone()),
                lang: of.lang,
            })),
            ..self.clone()
        }
    }

    /// The page after an import: the plan it brought, or the notice saying why it brought
    /// none (`why`, in the page's words).
    fn imported(
        &self,
        got: Result<Pasted, String>,
        source: String,
        of: Option<&Rc<PendingImport>>,
    ) -> Self {
        match got {
            Ok(Pasted::Network { plan, summary }) => {
                let notice = merged_notice(&summary, &source, self.words);
                let mut next = self.change(plan, None, None, Some(notice));
                next.last_import = Some(Rc::new(LastImport {
                    summary: Rc::new(summary),
                    lang: of.map_or(self.words.lang(), |of| of.lang),
                    of: of.cloned(),
                }));
                next
            }
            Ok(Pasted::Plan(plan)) => {
                let notice = Notice::new(
                    false,
                    "ui.notice.imported",
                    vec![("source", source.clone())],
                );
                self.change(plan, Some(source), None, Some(notice))
            }
            Ok(Pasted::Service { plan, name }) => {
                let args = vec![("name", name), ("source", source)];
                let notice = Notice::new(false, "ui.notice.added_service", args);
                self.change(plan, None, None, Some(notice))
            }
            Err(why) => AppState {
                notice: Some(Notice::new(
                    true,
                    "ui.notice.not_imported",
                    vec![("source", source), ("error", why)],
                )),
                ..self.clone()
            },
        }
    }
}

impl AppState {
    /// Undo (`back`) or redo: moves one plan between the two stacks.
    fn step(self: Rc<Self>, back: bool) -> Rc<Self> {
        let mut state = (*self).clone();
        let (from, to) = if back {
            (&mut state.undo, &mut state.redo)
        } else {
            (&mut state.redo, &mut state.undo)
        };
        let Some((plan, source)) = from.pop() else {
            return self;
        };
        to.push((state.plan.clone(), state.source.clone()));
        (state.report, state.analysis_ms) = analyzed(&plan, state.words);
        state.stale = false;
        // Its undo button would now undo something else.
        state.last_import = None;
        state.plan = plan;
        state.source = source;
        state.last_field = None;
        Rc::new(state)
    }
}

/// A change an editor makes, applied by the reducer to the plan as it is at that moment.
///
/// Editors send changes rather than whole new plans so that they need not hold a copy of the
/// plan: a part of the form that an edit elsewhere left as it was can skip its redraw and
/// still send correct changes later (a copy it held would be out of date).
#[derive(Clone)]
pub struct PlanPatch(Rc<Cell<Option<PatchFn>>>);

type PatchFn = Box<dyn FnOnce(&mut Plan)>;

impl PlanPatch {
    pub fn new(change: impl FnOnce(&mut Plan) + 'static) -> Self {
        PlanPatch(Rc::new(Cell::new(Some(Box::new(change)))))
    }

    /// `plan` with the change made. A patch changes one plan: applied again, it changes
    /// nothing.
    pub fn applied_to(&self, plan: &Plan) -> Plan {
        let mut next = plan.clone();
        if let Some(change) = self.0.take() {
            change(&mut next);
        }
        next
    }
}

impl PartialEq for PlanPatch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for PlanPatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlanPatch")
    }
}

/// Every change the page can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// An editor's change to the plan as it is; `field` is the JSON path of the field the
    /// change was made in, if any (consecutive changes in one field are one undo step).
    Patch {
        patch: PlanPatch,
        field: Option<String>,
    },
    /// Pasted or dropped JSON: a plan replaces the current one, a service JSON joins it,
    /// describe output is merged apart ([`AppState::pending`]).
    Import {
        text: String,
        source: String,
    },
    /// The importer's answer to a paste of describe output: merged into the plan unless the
    /// plan changed meanwhile.
    Merged {
        of: Rc<PendingImport>,
        got: Result<Pasted, String>,
    },
    LoadExample(String),
    NewPlan,
    Undo,
    Redo,
    /// Analyses the plan if the report is of an earlier one ([`AppState::stale`]).
    Analyze,
    /// The large shared or saved plan the page is reading ([`AppState::reading`]), read and
    /// analysed (or the notice saying why it could not be read): it becomes the page's plan,
    /// with no undo, unless the user has opened another meanwhile.
    Restore(Result<Analysed, Notice>),
    /// The language chosen (the page speaks it once its words are loaded: [`Action::Words`]).
    ChooseLang(Lang),
    /// The words of a language chosen, loaded (the report is analysed again in them unless
    /// another language was chosen meanwhile), or why they could not be: the page then stays
    /// in English and says so.
    Words(Result<Words, String>),
    Notify(Notice),
    DismissNotice,
    DismissImport,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Patch { patch, field } => {
                self.change(patch.applied_to(&self.plan), None, field, None)
            }
            Action::Import { text, source } => match import_here(&text, &self.plan) {
                Some(got) => {
                    let got = got.map_err(|e| import_error(&e, self.words));
                    self.imported(got, source, None)
                }
                // Describe output: merged apart, the page saying so meanwhile.
                None => AppState {
                    notice: Some(Notice::new(
                        false,
                        "ui.notice.importing",
                        vec![("source", source.clone())],
                    )),
                    pending: Some(Rc::new(PendingImport {
                        text: text.into(),
                        source,
                        base: self.plan.clone(),
                        retell: false,
                        lang: self.words.lang(),
                    })),
                    ..(*self).clone()
                },
            },
            Action::Merged { of, got } => match &self.pending {
                Some(pending) if Rc::ptr_eq(pending, &of) => {
                    let mut next = if of.retell {
                        self.retold(&of, got)
                    } else if Rc::ptr_eq(&self.plan, &of.base) {
                        self.imported(got, of.source.clone(), Some(&of))
                    } else {
                        let source = ("source", of.source.clone());
                        AppState {
                            notice: Some(Notice::new(true, "ui.notice.import_stale", vec![source])),
                            ..(*self).clone()
                        }
                    };
                    next.pending = None;
                    // The page may have switched language while the importer was at work.
                    next.retell_if_needed()
                }
                // Another paste came meanwhile: its answer is the one awaited.
                _ => return self,
            },
            Action::LoadExample(name) => match EXAMPLES
                .iter()
                .find(|e| e.name == name)
                .map(|e| parse_plan(e.json))
            {
                Some(Ok(plan)) => self.change(plan, Some(name), None, None),
                _ => return self,
            },
            Action::NewPlan => self.change(Plan::empty(), Some("new plan".to_owned()), None, None),
            Action::Analyze if self.stale => {
                let (report, analysis_ms) = analyzed(&self.plan, self.words);
                AppState {
                    report,
                    analysis_ms,
                    stale: false,
                    ..(*self).clone()
                }
            }
            Action::Analyze => return self,
            Action::Restore(Ok(read)) if self.reading => AppState {
                report: read.report,
                analysis_ms: read.analysis_ms,
                words: read.words,
                lang: self.lang,
                ..Self::with_report(read.plan, read.source)
            }
            .in_words(self.words),
            Action::Restore(Err(notice)) if self.reading => AppState {
                lang: self.lang,
                ..AppState::initial_with_notice(notice).in_words(self.words)
            },
            Action::Restore(_) => return self,
            Action::ChooseLang(lang) => AppState {
                lang,
                ..(*self).clone()
            },
            Action::Words(Ok(words)) if words.lang() == self.lang => {
                (*self).clone().in_words(words).retell_if_needed()
            }
            Action::Words(Ok(_)) => return self,
            // The language shown was chosen again meanwhile: nothing to say.
            Action::Words(Err(_)) if self.lang == self.words.lang() => return self,
            // The page stays in the language it shows, and says why.
            Action::Words(Err(error)) => AppState {
                lang: self.words.lang(),
                notice: Some(Notice::new(
                    true,
                    match self.lang {
                        Lang::Zh => "ui.notice.zh_failed",
                        Lang::En => "ui.notice.en_failed",
                    },
                    vec![("error", error)],
                )),
                ..(*self).clone()
            },
            Action::Undo => return self.step(true),
            Action::Redo => return self.step(false),
            Action::Notify(notice) => AppState {
                notice: Some(notice),
                ..(*self).clone()
            },
            Action::DismissNotice => AppState {
                notice: None,
                ..(*self).clone()
            },
            Action::DismissImport => AppState {
                last_import: None,
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Catalogue {
        Catalogue::english()
    }

    fn run(state: AppState, actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    /// A patch setting the region, as the region field sends it.
    fn region(region: &str, field: &str) -> Action {
        let region = region.to_owned();
        Action::Patch {
            patch: PlanPatch::new(move |p| p.region = Some(region)),
            field: Some(field.to_owned()),
        }
    }

    #[test]
    fn patches_change_the_plan_as_it_is_when_they_arrive() {
        // Two editors that drew the same plan: the second's change must keep the first's.
        let start = AppState::initial();
        let services = start.plan.services.clone();
        let s = run(
            start,
            vec![
                Action::Patch {
                    patch: PlanPatch::new(|p| p.region = Some("cn-beijing".into())),
                    field: Some("region".into()),
                },
                Action::Patch {
                    patch: PlanPatch::new(move |p| p.services = services[..0].to_vec()),
                    field: None,
                },
            ],
        );
        assert_eq!(s.plan.region.as_deref(), Some("cn-beijing"));
        assert!(s.plan.services.is_empty());
        assert_eq!(s.undo.len(), 2);
        let s = s.reduce(Action::Undo);
        assert_eq!(
            (s.plan.region.as_deref(), s.plan.services.len()),
            (Some("cn-beijing"), 1)
        );
    }

    #[test]
    fn a_slow_plans_typed_edit_is_analysed_after_its_frame() {
        let start = Rc::new(AppState::initial());
        let codes = start.report.codes();
        // Break the plan's only service: typed into a field, with analyses taking 10 ms.
        let typed = |field: Option<&str>| Action::Patch {
            patch: PlanPatch::new(|p| p.services.clear()),
            field: field.map(str::to_owned),
        };
        let slow = |s: &Rc<AppState>| {
            Rc::new(AppState {
                analysis_ms: 10.0,
                ..(**s).clone()
            })
        };
        let s = slow(&start).reduce(typed(Some("services")));
        assert!(s.stale && s.plan.services.is_empty());
        assert!(Rc::ptr_eq(&s.report, &start.report), "the report waits");
        let s = s.reduce(Action::Analyze);
        assert!(!s.stale);
        assert_ne!(s.report.codes(), codes, "analysed now");
        // Nothing to do when the report is current: the same state, no redraw.
        assert!(Rc::ptr_eq(&s.clone().reduce(Action::Analyze), &s));

        // A structural change, and any edit while analyses are quick, are analysed at once.
        let s = slow(&start).reduce(typed(None));
        assert!(!s.stale && s.report.codes() != codes);
        assert!(!start.reduce(typed(Some("services"))).stale);
    }

    #[test]
    fn a_large_plan_is_read_after_the_page_says_so() {
        let text = default_example().json;
        let reading = Rc::new(AppState::reading("shared link", 2_500_000));
        assert!(reading.reading && reading.plan.vpcs.is_empty());
        assert_eq!(
            reading.notice.as_ref().map(|n| n.text(en())).as_deref(),
            Some("Reading 2.5 MB from the shared link…")
        );
        let read = |source: &str| {
            let plan = read_saved(text, source, Words::english()).unwrap();
            Action::Restore(Ok(Analysed::new(plan, source.to_owned(), Words::english())))
        };
        let s = reading.clone().reduce(read("shared link"));
        assert!(!s.reading && s.notice.is_none() && s.undo.is_empty());
        assert_eq!(s.source, "shared link");
        assert!(s.report.codes().contains(&"INET004"));
        // What does not read gives the example and says why.
        let bad = read_saved("{", "shared link", Words::english()).unwrap_err();
        let s = reading.clone().reduce(Action::Restore(Err(bad)));
        assert!(s
            .notice
            .as_ref()
            .is_some_and(|n| n.error && n.text(en()).contains("could not be read")));
        // The user opened something else meanwhile: it stays.
        let s = reading.reduce(Action::NewPlan);
        assert!(Rc::ptr_eq(&s.clone().reduce(read("shared link")), &s));
    }

    #[test]
    fn a_patch_changes_one_plan_only() {
        let patch = PlanPatch::new(|p| p.region = Some("x".into()));
        let plan = Plan::empty();
        assert_eq!(patch.applied_to(&plan).region.as_deref(), Some("x"));
        assert_eq!(patch.applied_to(&plan).region, None);
    }

    #[test]
    fn opens_with_the_default_example_analysed() {
        let state = AppState::initial();
        assert_eq!(state.source, default_example().name);
        assert!(state.report.codes().contains(&"INET004"));
    }

    #[test]
    fn edits_undo_and_redo() {
        let s = run(
            AppState::initial(),
            vec![
                region("a", "region"),
                region("ab", "region"),
                region("x", "vpcs[0].id"),
            ],
        );
        assert_eq!(s.plan.region.as_deref(), Some("x"));
        // Two keystrokes in one field are one step.
        assert_eq!(s.undo.len(), 2);
        let s = s.reduce(Action::Undo);
        assert_eq!(s.plan.region.as_deref(), Some("ab"));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.plan.region.as_deref(), Some("cn-shanghai"));
        let s = s.reduce(Action::Undo);
        assert_eq!(
            s.plan.region.as_deref(),
            Some("cn-shanghai"),
            "nothing left to undo"
        );
        let s = s.reduce(Action::Redo);
        assert_eq!(s.plan.region.as_deref(), Some("ab"));
    }

    #[test]
    fn a_bad_import_keeps_the_plan_and_says_where() {
        let start = AppState::initial();
        let before = start.plan.clone();
        let s = run(
            start,
            vec![Action::Import {
                text: r#"{"version": 1, "vpcs": [{"id": 5}]}"#.into(),
                source: "paste".into(),
            }],
        );
        assert_eq!(s.plan, before);
        let notice = s.notice.as_ref().unwrap();
        let text = notice.text(en());
        assert!(notice.error && text.contains("vpcs[0].id"), "{text}");
    }

    #[test]
    fn importing_a_service_adds_it() {
        let s = run(
            AppState::initial(),
            vec![Action::Import {
                text: r#"{"metadata": {"name": "embed"}}"#.into(),
                source: "paste".into(),
            }],
        );
        assert_eq!(s.plan.services.len(), 2);
        assert!(!s.notice.as_ref().unwrap().error);
    }

    /// What the importer's worker answers to the pending paste of `s` (core's side of it,
    /// run here), as the page's effect dispatches it.
    fn answered(s: Rc<AppState>) -> Action {
        let of = s.pending.clone().expect("a paste waiting for the importer");
        let words = s.words.0;
        let answer = easnet_core::import::apart::answer(
            &of.text,
            &easnet_core::plan::write_plan(&of.base),
            words,
        );
        let got = easnet_core::import::apart::read_answer(&answer);
        Action::Merged { of, got }
    }

    const VSWITCHES: &str = r#"{"VSwitches": {"VSwitch": [{"VSwitchId": "vsw-new1", "VpcId": "vpc-uf6ml-prod",
            "CidrBlock": "192.168.40.0/24", "ZoneId": "cn-shanghai-e", "AvailableIpAddressCount": 250}]}}"#;

    #[test]
    fn describe_output_merges_with_a_summary_and_undoes_in_one_step() {
        let start = AppState::initial();
        let before = start.plan.clone();
        let s = run(
            start,
            vec![Action::Import {
                text: VSWITCHES.into(),
                source: "vswitches.json".into(),
            }],
        );
        // Sent to the importer: the plan is as it was, the page says it is merging.
        assert_eq!(s.plan, before);
        assert_eq!(s.notice.as_ref().unwrap().key, "ui.notice.importing");
        let s = s.clone().reduce(answered(s));
        assert!(s.pending.is_none());
        let summary = s.last_import.clone().expect("a summary").summary.clone();
        assert_eq!(summary.imported, 1);
        assert!(s.plan.vpcs[0].vswitches.iter().any(|v| v.id == "vsw-new1"));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.plan, before);
        // The summary (and its undo button) goes with the import.
        assert!(s.last_import.is_none());
    }

    /// A switch of language while a summary is shown asks the importer for it again, in the
    /// new words: the summary and its notice change language, the plan and its undo do not.
    #[test]
    fn the_summary_follows_a_switch_of_language() {
        let s = run(
            AppState::initial(),
            vec![Action::Import {
                text: VSWITCHES.into(),
                source: "paste".into(),
            }],
        );
        let s = s.clone().reduce(answered(s));
        let english = s.last_import.clone().unwrap();
        assert_eq!(
            english.summary.counts(en()),
            s.notice.as_ref().unwrap().args[1].1
        );
        let (plan, undo) = (s.plan.clone(), s.undo.len());
        let s = s
            .reduce(Action::ChooseLang(Lang::Zh))
            .reduce(Action::Words(Ok(zh())));
        let retell = s.pending.clone().expect("the summary asked for again");
        assert!(retell.retell && Rc::ptr_eq(&retell.text, &english.of.as_ref().unwrap().text));
        let s = s.clone().reduce(answered(s));
        let chinese = s.last_import.clone().unwrap();
        assert!(s.pending.is_none());
        assert!(Rc::ptr_eq(&s.plan, &plan) && s.undo.len() == undo);
        assert_ne!(chinese.summary, english.summary);
        assert_eq!(chinese.summary.imported, english.summary.imported);
        let counts = chinese.summary.counts(zh().0);
        assert!(counts.contains("导入"), "{counts}");
        assert_eq!(s.notice.as_ref().unwrap().args[1].1, counts);
        // Undone meanwhile: an answer for a summary no longer shown changes nothing.
        let s = s
            .reduce(Action::ChooseLang(Lang::En))
            .reduce(Action::Words(Ok(Words::english())));
        let late = answered(s.clone());
        let undone = s.reduce(Action::Undo);
        let after = undone.clone().reduce(late);
        assert!(after.last_import.is_none());
        assert_eq!(after.plan, undone.plan);
    }

    /// Switches while the importer is at work: the summary ends in the page's language, and
    /// clicking the language already shown asks for nothing.
    #[test]
    fn the_summary_ends_in_the_language_shown() {
        let paste = Action::Import {
            text: VSWITCHES.into(),
            source: "paste".into(),
        };
        let zh_words = zh();
        let to = |s: Rc<AppState>, lang: Lang, words: Words| {
            s.reduce(Action::ChooseLang(lang))
                .reduce(Action::Words(Ok(words)))
        };
        // A switch while the paste is merged: its answer is English, then it is told again.
        let s = run(AppState::initial(), vec![paste.clone()]);
        let english_answer = answered(s.clone());
        let s = to(s, Lang::Zh, zh_words);
        assert!(
            !s.pending.as_ref().unwrap().retell,
            "the paste is still the one awaited"
        );
        let s = s.reduce(english_answer);
        let retell = s.pending.clone().expect("told again in Chinese");
        assert!(retell.retell && retell.lang == Lang::Zh);
        let s = s.clone().reduce(answered(s));
        assert_eq!(s.last_import.as_ref().unwrap().lang, Lang::Zh);
        assert!(s.pending.is_none());
        // There and back before the importer answers: the summary stays English, no worker
        // is left asked.
        let s = run(AppState::initial(), vec![paste]);
        let s = s.clone().reduce(answered(s));
        let english = s.last_import.clone().unwrap();
        let s = to(s, Lang::Zh, zh_words);
        let late = answered(s.clone());
        let s = to(s, Lang::En, Words::english());
        assert!(s.pending.is_none(), "{:?}", s.pending);
        let s = s.reduce(late);
        assert_eq!(s.last_import.as_ref().unwrap().summary, english.summary);
        // The language already shown, clicked again.
        let again = s.clone().reduce(Action::Words(Ok(Words::english())));
        assert!(again.pending.is_none());
    }

    #[test]
    fn an_answer_for_a_plan_edited_meanwhile_is_refused() {
        let s = run(
            AppState::initial(),
            vec![Action::Import {
                text: VSWITCHES.into(),
                source: "paste".into(),
            }],
        );
        let answer = answered(s.clone());
        let edited = s.reduce(region("cn-beijing", "region"));
        let s = edited.clone().reduce(answer);
        assert_eq!(
            s.plan, edited.plan,
            "the edit stays, the merge is not applied"
        );
        assert!(s.pending.is_none() && s.last_import.is_none());
        let notice = s.notice.as_ref().unwrap();
        assert!(notice.error && notice.key == "ui.notice.import_stale");
    }

    #[test]
    fn only_the_last_paste_is_merged() {
        let paste = |s: Rc<AppState>| {
            s.reduce(Action::Import {
                text: VSWITCHES.replace("vsw-new1", "vsw-new2"),
                source: "second".into(),
            })
        };
        let first = run(
            AppState::initial(),
            vec![Action::Import {
                text: VSWITCHES.into(),
                source: "first".into(),
            }],
        );
        let early = answered(first.clone());
        let second = paste(first);
        let s = second.clone().reduce(early);
        assert!(
            Rc::ptr_eq(&s, &second),
            "the first answer is not the one awaited"
        );
        let s = s.clone().reduce(answered(s));
        assert!(s.plan.vpcs[0].vswitches.iter().any(|v| v.id == "vsw-new2"));
        assert!(!s.plan.vpcs[0].vswitches.iter().any(|v| v.id == "vsw-new1"));
    }

    #[test]
    fn a_refused_paste_says_why_and_keeps_the_plan() {
        let denied =
            r#"{"RequestId": "r", "Code": "Forbidden.RAM", "Message": "User not authorized"}"#;
        let start = AppState::initial();
        let before = start.plan.clone();
        let s = run(
            start,
            vec![Action::Import {
                text: denied.into(),
                source: "paste".into(),
            }],
        );
        let s = s.clone().reduce(answered(s));
        assert_eq!(s.plan, before);
        let notice = s.notice.as_ref().unwrap();
        assert!(
            notice.error && notice.text(en()).contains("Forbidden.RAM"),
            "{notice:?}"
        );
    }

    #[test]
    fn examples_and_new_plan() {
        let s = run(
            AppState::initial(),
            vec![Action::LoadExample("healthy".into())],
        );
        assert_eq!(s.source, "healthy");
        assert!(s.report.findings.is_empty());
        let s = s.reduce(Action::NewPlan);
        assert_eq!(*s.plan, Plan::empty());
        let s = s.reduce(Action::Undo);
        assert_eq!(s.source, "healthy");
    }

    #[test]
    fn a_plan_saved_mid_edit_comes_back_as_it_was() {
        let mut plan = (*AppState::initial().plan).clone();
        plan.peerings.push(easnet_core::plan::Peering {
            id: "pcc-new-1".into(),
            kind: easnet_core::plan::PeeringKind::VpcPeer,
            vpcs: vec![String::new(), String::new()],
        });
        let s = AppState::restore(&easnet_core::plan::write_plan(&plan), "saved plan");
        assert_eq!(*s.plan, plan);
        assert!(s.notice.is_none());
        assert_eq!(s.report.codes(), ["PLAN001"]);
    }

    /// The Chinese words, as the page loads them.
    fn zh() -> Words {
        let json = include_str!("../../core/i18n/zh-CN.json");
        Words(Box::leak(Box::new(
            Catalogue::from_json(Lang::Zh, json).unwrap(),
        )))
    }

    fn message(s: &AppState, code: &str) -> String {
        let f = s.report.findings.iter().find(|f| f.code.as_str() == code);
        f.map(|f| f.message.clone()).unwrap_or_default()
    }

    #[test]
    fn the_report_speaks_the_language_chosen_once_its_words_are_loaded() {
        let start = Rc::new(AppState::initial());
        let english = message(&start, "CAP002");
        assert!(english.contains("usable IPs"), "{english}");
        let s = run(
            AppState::initial(),
            vec![region("cn-beijing", "region"), Action::ChooseLang(Lang::Zh)],
        );
        // Chosen, not yet loaded: English until the words come.
        assert_eq!((s.lang, s.words), (Lang::Zh, Words::english()));
        let zh = zh();
        let s = s.reduce(Action::Words(Ok(zh)));
        assert_eq!(s.words, zh);
        let chinese = message(&s, "CAP002");
        assert!(chinese.contains("可用") && chinese != english, "{chinese}");
        // The plan and its history are as they were.
        assert_eq!(
            (s.plan.region.as_deref(), s.undo.len()),
            (Some("cn-beijing"), 1)
        );
        // Words that come after another language was chosen are not used.
        let s = s.reduce(Action::ChooseLang(Lang::En));
        let late = s.clone().reduce(Action::Words(Ok(zh)));
        assert!(Rc::ptr_eq(&late, &s));
        let s = s.reduce(Action::Words(Ok(Words::english())));
        assert_eq!(message(&s, "CAP002"), english);
        // Edits, undo and examples keep the language.
        let s = s
            .reduce(Action::ChooseLang(Lang::Zh))
            .reduce(Action::Words(Ok(zh)))
            .reduce(Action::Undo)
            .reduce(Action::LoadExample("two-zones".into()));
        let chinese = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(s.report.findings.iter().any(|f| chinese(&f.message)));
        assert_eq!(s.words, zh);
    }

    #[test]
    fn words_that_cannot_be_loaded_leave_the_page_in_english_and_say_why() {
        let s = run(
            AppState::initial(),
            vec![
                Action::ChooseLang(Lang::Zh),
                Action::Words(Err("i18n/zh-CN.json: HTTP 404".into())),
            ],
        );
        assert_eq!((s.lang, s.words), (Lang::En, Words::english()));
        // Said once, and not at all when English was chosen before the failure came.
        let quiet = run(
            AppState::initial(),
            vec![
                Action::ChooseLang(Lang::Zh),
                Action::ChooseLang(Lang::En),
                Action::Words(Err("offline".into())),
            ],
        );
        assert!(quiet.notice.is_none());
        let notice = s.notice.as_ref().unwrap();
        assert!(notice.error);
        assert_eq!(
            notice.text(en()),
            "The Chinese words could not be loaded (i18n/zh-CN.json: HTTP 404); the page stays in English."
        );
    }

    #[test]
    fn notices_are_put_in_words_when_shown() {
        let zh = zh();
        let reading = Notice::reading(2_500_000, "shared link", true);
        assert_eq!(reading.text(en()), "Reading 2.5 MB from the shared link…");
        assert_eq!(reading.text(&zh), "正在读取分享链接（2.5 MB）…");
        let files = Notice::new(
            false,
            "ui.notice.imported",
            vec![("source", "3 files".into())],
        );
        assert_eq!(files.text(en()), "Imported the plan from 3 files.");
        assert_eq!(files.text(&zh), "已从3 个文件导入计划。");
        // A file or an example is named as it is.
        assert_eq!(source_name(&zh, "net.json"), "net.json");
        assert_eq!(source_name(&zh, "new plan"), "新计划");
        assert_eq!(source_name(en(), "1 files"), "1 file");
    }

    #[test]
    fn a_damaged_saved_plan_falls_back_with_a_notice() {
        let s = AppState::restore("{not json", "saved");
        assert!(s.notice.unwrap().error);
        assert_eq!(s.source, default_example().name);
    }
}
