//! What read-aloud says, as plain functions: the screen's text cut into pieces a speech
//! engine reads reliably (Chrome stops an utterance after about 15 seconds), and the voice
//! that fits the language.

/// The longest piece handed to the speech engine at once, in characters: about ten
/// seconds of Chinese at an unhurried pace.
pub const MAX_PIECE_CHARS: usize = 60;

/// Characters a sentence ends with, in Chinese and English.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '.', '!', '?', ';', '…'];

/// Cuts the screen's text into pieces to be read one after another: one per line, a long
/// line cut after its sentences, a sentence still too long cut at `max` characters. Blank
/// lines are dropped and runs of spaces become one.
pub fn speech_pieces(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut pieces = Vec::new();
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        let mut current = String::new();
        let mut count = 0;
        for c in line.chars() {
            current.push(c);
            count += 1;
            let sentence_over = SENTENCE_ENDS.contains(&c) && count > max / 2;
            if sentence_over || count >= max {
                push_trimmed(&mut pieces, &current);
                current.clear();
                count = 0;
            }
        }
        push_trimmed(&mut pieces, &current);
    }
    pieces
}

fn push_trimmed(pieces: &mut Vec<String>, piece: &str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        pieces.push(piece.to_owned());
    }
}

/// The voice to read with: among the voices' languages (`zh-CN`, `en_US`, …), the first that
/// is exactly the wanted language, else the first of the same language family (`zh-TW` for
/// `zh-CN`). None: the engine's default voice with the utterance's language.
pub fn pick_voice(voice_langs: &[String], want: &str) -> Option<usize> {
    let norm = |s: &str| s.replace('_', "-").to_ascii_lowercase();
    let want = norm(want);
    let family = want.split('-').next().unwrap_or_default().to_owned();
    voice_langs
        .iter()
        .position(|l| norm(l) == want)
        .or_else(|| {
            voice_langs
                .iter()
                .position(|l| norm(l).split('-').next() == Some(family.as_str()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_a_piece_and_blank_lines_are_dropped() {
        let text = "  我的积分  \n\n可用积分   4,360\n";
        assert_eq!(speech_pieces(text, 60), vec!["我的积分", "可用积分 4,360"]);
    }

    #[test]
    fn a_long_line_is_cut_after_its_sentences() {
        let line = "您的反馈我们已经收到了，客服会尽快处理。处理好了会发消息告诉您，请留意短信。";
        let pieces = speech_pieces(line, 30);
        assert_eq!(
            pieces,
            vec![
                "您的反馈我们已经收到了，客服会尽快处理。",
                "处理好了会发消息告诉您，请留意短信。"
            ]
        );
    }

    #[test]
    fn a_short_sentence_stays_with_the_next_one() {
        // Cutting after "好。" would make a piece too short to sound natural.
        assert_eq!(
            speech_pieces("好。我们明天打给您。", 30),
            vec!["好。我们明天打给您。"]
        );
    }

    #[test]
    fn no_piece_is_longer_than_the_limit() {
        let line = "字".repeat(130);
        let pieces = speech_pieces(&line, 60);
        assert_eq!(pieces.len(), 3);
        assert!(pieces.iter().all(|p| p.chars().count() <= 60));
        assert_eq!(pieces.concat(), line);
    }

    #[test]
    fn nothing_to_read_gives_no_pieces() {
        assert!(speech_pieces(" \n\t\n", 60).is_empty());
    }

    #[test]
    fn the_exact_language_wins_then_its_family() {
        let langs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            pick_voice(&langs(&["en-US", "zh-TW", "zh_CN"]), "zh-CN"),
            Some(2)
        );
        assert_eq!(pick_voice(&langs(&["en-US", "zh-TW"]), "zh-CN"), Some(1));
        assert_eq!(pick_voice(&langs(&["de-DE", "en-GB"]), "en-US"), Some(1));
        assert_eq!(pick_voice(&langs(&["de-DE"]), "zh-CN"), None);
        assert_eq!(pick_voice(&[], "zh-CN"), None);
    }
}
