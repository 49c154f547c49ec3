//! Making untrusted text safe to show.
//!
//! Statement text comes from the web and may carry terminal escape sequences (CSI, OSC 52
//! clipboard writes, OSC 8 links, title changes), other C0/C1 control characters, bidi
//! overrides that reorder what is shown, or zero-width characters that hide text. None of
//! them may reach a terminal or a text export raw. Controls and bidi marks become visible
//! placeholders (`␛`, `␀`, `⟪RLO⟫`…), zero-width characters are dropped.
//!
//! The model keeps the original text (JSON reproduces it, escaped); [`SafeText`] maps
//! byte offsets of the original into its display form so highlights stay on the words.

use std::borrow::Cow;

/// What to show instead of a character, if it cannot be shown as itself.
enum Replacement {
    Keep,
    Drop,
    Show(&'static str),
}

fn replacement(c: char) -> Replacement {
    const C0: [&str; 32] = [
        "␀", "␁", "␂", "␃", "␄", "␅", "␆", "␇", "␈", "␉", "␊", "␋", "␌", "␍", "␎", "␏", "␐", "␑",
        "␒", "␓", "␔", "␕", "␖", "␗", "␘", "␙", "␚", "␛", "␜", "␝", "␞", "␟",
    ];
    match c {
        '\0'..='\u{1F}' => Replacement::Show(C0[c as usize]),
        '\u{7F}' => Replacement::Show("␡"),
        // C1 controls: U+009B is a one-character CSI on some terminals.
        '\u{80}'..='\u{9F}' => Replacement::Show("\u{FFFD}"),
        '\u{202A}' => Replacement::Show("⟪LRE⟫"),
        '\u{202B}' => Replacement::Show("⟪RLE⟫"),
        '\u{202C}' => Replacement::Show("⟪PDF⟫"),
        '\u{202D}' => Replacement::Show("⟪LRO⟫"),
        '\u{202E}' => Replacement::Show("⟪RLO⟫"),
        '\u{2066}' => Replacement::Show("⟪LRI⟫"),
        '\u{2067}' => Replacement::Show("⟪RLI⟫"),
        '\u{2068}' => Replacement::Show("⟪FSI⟫"),
        '\u{2069}' => Replacement::Show("⟪PDI⟫"),
        '\u{200E}' | '\u{200F}' | '\u{061C}' => Replacement::Show("⟪BIDI⟫"),
        // Default-ignorable code points (Unicode's Default_Ignorable_Code_Point) and
        // format characters that terminals draw at a width their tables disagree on:
        // shown as nothing, so no hidden payload rides along and no row overflows.
        '\u{00AD}'
        | '\u{034F}'
        | '\u{0600}'..='\u{0605}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{115F}'..='\u{1160}'
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1345F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' => Replacement::Drop,
        // A blank that is not a space: shown as one.
        '\u{2800}' => Replacement::Show(" "),
        // Line and paragraph separators move the cursor on some terminals.
        '\u{2028}' | '\u{2029}' => Replacement::Show(" "),
        _ => Replacement::Keep,
    }
}

/// Joiners and emoji presentation selectors: they carry meaning right after a
/// character (a family emoji, a conjunct in Indic scripts), so one is kept after a
/// character beyond Latin; a second in a row, or one with nothing before it, is
/// dropped like any other ignorable and the run marked, so it cannot smuggle hidden
/// text unseen.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}')
}

/// What to show for `c` after `previous` (the last character of the original text).
fn replacement_after(previous: Option<char>, c: char) -> Replacement {
    // Latin letters have nothing to join: a joiner after one only hides a word.
    let joins = |p: char| p as u32 > 0x2FF && !is_joiner(p) && !is_unsafe(p);
    if is_joiner(c) && previous.is_some_and(joins) {
        return Replacement::Keep;
    }
    // An emoji in its colour form joined to the next (❤️‍🔥): the one pair of them.
    if c == '\u{200D}' && previous == Some('\u{FE0F}') {
        return Replacement::Keep;
    }
    replacement(c)
}

/// Shown where invisible characters were dropped from a run of more than one: such a
/// run can carry a hidden payload (one variation selector per byte), so the reader is
/// told something was there.
pub const HIDDEN: &str = "⟪HIDDEN⟫";

/// Decides, character by character, what a text shows: remembers the previous
/// character and whether the current run of invisible characters was already marked.
#[derive(Debug, Default)]
struct Shower {
    previous: Option<char>,
    run: usize,
    marked: bool,
}

impl Shower {
    fn next(&mut self, c: char) -> Replacement {
        let shown = replacement_after(self.previous, c);
        self.previous = Some(c);
        if !(is_joiner(c) || matches!(replacement(c), Replacement::Drop)) {
            self.run = 0;
            self.marked = false;
            return shown;
        }
        self.run += 1;
        if matches!(shown, Replacement::Drop) && self.run > 1 && !self.marked {
            self.marked = true;
            return Replacement::Show(HIDDEN);
        }
        shown
    }
}

/// Whether `c`, after `previous`, may be shown as it is: what every output checks.
pub fn may_show(previous: Option<char>, c: char) -> bool {
    matches!(replacement_after(previous, c), Replacement::Keep)
}

/// Whether a character needs replacing before it may be shown.
pub fn is_unsafe(c: char) -> bool {
    !matches!(replacement(c), Replacement::Keep)
}

/// Whether `text` is all safe to show. Only C0 controls, DEL and characters beyond
/// ASCII can be unsafe, so printable ASCII is skipped a byte at a time (which the
/// compiler vectorises) and only the rest is looked at a character at a time.
pub fn all_safe(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes.iter().position(|&b| !(0x20..0x7F).contains(&b)) {
        None => true,
        // A byte found scanning from the start is never inside a character.
        Some(at) => !text[at..].chars().any(is_unsafe),
    }
}

/// The text with every unsafe character replaced; borrowed when nothing needed it.
pub fn visible(text: &str) -> Cow<'_, str> {
    if all_safe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut shower = Shower::default();
    for c in text.chars() {
        match shower.next(c) {
            Replacement::Keep => out.push(c),
            Replacement::Drop => {}
            Replacement::Show(s) => out.push_str(s),
        }
    }
    Cow::Owned(out)
}

/// Text of several lines made safe line by line: its line breaks are kept (a usage
/// message has them), everything else unsafe is replaced.
pub fn visible_lines(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let body = line.strip_suffix('\n');
            let shown = visible(body.unwrap_or(line));
            if body.is_some() {
                format!("{shown}\n")
            } else {
                shown.into_owned()
            }
        })
        .collect()
}

/// Display text plus a map from original byte offsets to display byte offsets. Text
/// that needs no replacement (nearly all of it) is not copied: [`SafeText::text`] then
/// hands back the original, and the whole costs 16 bytes — one per paragraph of a
/// statement of millions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeText {
    replaced: Option<Box<Replaced>>,
    original_len: u32,
}

/// The display text of a text that needed replacements.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Replaced {
    shown: String,
    /// (original offset, display offset) at each replaced character, in order.
    shifts: Vec<(usize, usize)>,
}

impl SafeText {
    pub fn new(original: &str) -> SafeText {
        let original_len = super::saturating_u32(original.len());
        if all_safe(original) {
            return SafeText {
                replaced: None,
                original_len,
            };
        }
        let mut text = String::with_capacity(original.len() + 16);
        let mut shifts = Vec::new();
        let mut shower = Shower::default();
        for (i, c) in original.char_indices() {
            let shown = match shower.next(c) {
                Replacement::Keep => {
                    text.push(c);
                    continue;
                }
                Replacement::Drop => "",
                Replacement::Show(s) => s,
            };
            shifts.push((i, text.len()));
            text.push_str(shown);
            shifts.push((i + c.len_utf8(), text.len()));
        }
        SafeText {
            replaced: Some(Box::new(Replaced {
                shown: text,
                shifts,
            })),
            original_len,
        }
    }

    /// The display of `original`, known to need no replacement (as [`SafeText::new`]
    /// found it), without looking at it again.
    pub fn unchanged(original: &str) -> SafeText {
        SafeText {
            replaced: None,
            original_len: super::saturating_u32(original.len()),
        }
    }

    /// Whether the text is shown as it is written.
    pub fn is_unchanged(&self) -> bool {
        self.replaced.is_none()
    }

    /// The text to show: the display text, or `original` itself when it needed nothing.
    pub fn text<'a>(&'a self, original: &'a str) -> &'a str {
        self.replaced.as_ref().map_or(original, |r| &r.shown)
    }

    /// The display offset of an original byte offset (clamped to the text).
    pub fn map(&self, original: usize) -> usize {
        let original = original.min(self.original_len as usize);
        let Some(replaced) = &self.replaced else {
            return original;
        };
        let at = replaced.shifts.partition_point(|&(o, _)| o <= original);
        match at.checked_sub(1).map(|k| replaced.shifts[k]) {
            Some((o, d)) => d + (original - o),
            None => original,
        }
        .min(replaced.shown.len())
    }

    pub fn map_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.map(start), self.map(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(visible("We agree."), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_controls_become_visible() {
        let shown = visible("a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\u{9b}31m");
        assert_eq!(shown, "a␛]52;c;ZXZpbA==␇b␛[2Jc\u{FFFD}31m");
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn bidi_overrides_are_named_and_zero_width_dropped() {
        assert_eq!(visible("abc\u{202E}fed\u{202C}"), "abc⟪RLO⟫fed⟪PDF⟫");
        assert_eq!(visible("N\u{200B}AT\u{FEFF}O"), "NATO");
    }

    #[test]
    fn one_joiner_after_a_character_stays_and_runs_of_them_go() {
        // A family emoji keeps its joiners; a heart keeps its emoji selector.
        let family = "👩\u{200D}👩\u{200D}👧";
        assert_eq!(visible(family), family);
        assert_eq!(visible("❤\u{FE0F}"), "❤\u{FE0F}");
        // A payload of selectors after a character is dropped past the first, and the
        // run is marked once.
        let smuggled = format!("😀\u{FE0F}{}", "\u{FE0E}\u{FE0F}".repeat(8));
        assert_eq!(visible(&smuggled), format!("😀\u{FE0F}{HIDDEN}"));
        let tagged = format!("😀{}!", "\u{E0101}\u{E0142}".repeat(20));
        assert_eq!(visible(&tagged), format!("😀{HIDDEN}!"));
        // One invisible character alone is dropped without a mark.
        assert_eq!(visible("a\u{200D}b\u{E0101}c"), "abc");
        // The colour form of an emoji joined to the next is one sequence, kept whole.
        let heart_on_fire = "❤\u{FE0F}\u{200D}🔥";
        assert_eq!(visible(heart_on_fire), heart_on_fire);
        // The mark keeps display offsets in step with the original.
        let text = SafeText::new(&tagged);
        assert_eq!(text.text(&tagged), format!("😀{HIDDEN}!"));
        assert_eq!(text.map(tagged.len()), text.text(&tagged).len());
        assert_eq!(
            visible("\u{200D}start"),
            "start",
            "nothing to join at the start"
        );
    }

    #[test]
    fn default_ignorables_and_wide_format_characters_are_not_shown() {
        for c in [
            '\u{070F}',
            '\u{0890}',
            '\u{08E2}',
            '\u{13430}',
            '\u{13438}',
            '\u{E0100}',
            '\u{E01EF}',
            '\u{180B}',
            '\u{1D173}',
            '\u{1BCA0}',
            '\u{115F}',
            '\u{3164}',
            '\u{0600}',
            '\u{FE00}',
        ] {
            assert_eq!(visible(&format!("a{c}b")), "ab", "{:X}", c as u32);
            assert!(is_unsafe(c), "{:X}", c as u32);
        }
        assert_eq!(visible("a\u{2800}b"), "a b");
    }

    #[test]
    fn offsets_map_across_replacements() {
        let original = "ab\x1bcd\u{200B}ef";
        let safe = SafeText::new(original);
        let text = safe.text(original);
        assert_eq!(text, "ab␛cdef");
        // 'c' is at 3 in the original, after the 3-byte ␛ at 5 in the display text.
        assert_eq!(safe.map(3), 5);
        assert_eq!(&text[safe.map(3)..safe.map(5)], "cd");
        assert_eq!(&text[safe.map(8)..safe.map(10)], "ef");
        assert_eq!(safe.map(100), text.len());
    }

    #[test]
    fn identity_map_without_replacements() {
        let safe = SafeText::new("plain");
        assert_eq!(safe.text("plain"), "plain");
        assert_eq!(safe.map(3), 3);
    }
}
