//! Bytes → text: BOM sniffing, UTF-8, legacy encodings guessed from the bytes, and refusal of
//! binary data, so that a folder of mixed provenance loads as readable text or not at all.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Why a file's bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary data (a control character at byte offset {offset}), not text")]
    Binary { offset: usize },
    #[error("UTF-32 text with an invalid character at byte offset {offset}")]
    BadUtf32 { offset: usize },
    #[error("undecodable: {replaced} of {total} characters are invalid in {encoding}")]
    Undecodable {
        encoding: &'static str,
        replaced: usize,
        total: usize,
    },
}

/// Decoded text with `\n` line endings and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Something was repaired on the way, which the user should hear of.
    pub warning: Option<String>,
}

/// Decodes a file's bytes, normalising line endings to `\n`.
///
/// # Errors
/// Empty input, binary data (NUL or other control bytes outside a UTF-16 text), or text whose
/// decoding would replace more than 1 % of its characters.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let Checked {
        text,
        encoding,
        warning,
    } = decode_checked(bytes)?;
    Ok(Decoded {
        text: normalize_newlines(text),
        encoding,
        warning,
    })
}

/// [`decode`], taking the bytes: a file whose text is its bytes as they are (UTF-8 without a
/// BOM or carriage returns, nearly every file) becomes that text with no second buffer to fill
/// and free.
///
/// # Errors
/// As [`decode`].
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let Checked {
        text,
        encoding,
        warning,
    } = decode_checked(&bytes)?;
    let unchanged = matches!(&text, Cow::Borrowed(t) if t.len() == bytes.len() && memchr::memchr(b'\r', t.as_bytes()).is_none());
    if !unchanged {
        return Ok(Decoded {
            text: normalize_newlines(text),
            encoding,
            warning,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding,
            warning,
        }),
        // Not reached: the decoder lends the input only when it is valid UTF-8.
        Err(not_utf8) => decode(not_utf8.as_bytes()),
    }
}

/// Text that passed every check, lent from the bytes where the decoder could.
struct Checked<'a> {
    text: Cow<'a, str>,
    encoding: &'static str,
    warning: Option<String>,
}

/// The text of `bytes` and its encoding, once it has passed every check.
fn decode_checked(bytes: &[u8]) -> Result<Checked<'_>, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let mut warning = None;
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (
            enc.decode_without_bom_handling(&bytes[bom_len..]).0,
            enc.name(),
        )
    } else if let Some(wide) = sniff_wide(bytes) {
        wide.decode(bytes)?
    } else {
        if let Some(offset) = first_binary_byte(bytes) {
            return Err(DecodeError::Binary { offset });
        }
        let encoding = guess_encoding(bytes);
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        if encoding == UTF_8 {
            let replaced = text.matches('\u{FFFD}').count();
            if replaced > 0 {
                warning = Some(format!(
                    "{replaced} invalid UTF-8 byte sequence{} replaced by \u{FFFD}",
                    if replaced == 1 { " was" } else { "s were" }
                ));
            }
        }
        (text, encoding.name())
    };
    let text = check_decoded(text, encoding)?;
    Ok(Checked {
        text,
        encoding,
        warning,
    })
}

/// Refuses decoded text that is mostly replacement characters, mostly control characters
/// or blank; a few stray control characters (a vertical tab, an escape in old wire copy)
/// become spaces, the same length in UTF-8, so no offset moves.
fn check_decoded<'a>(
    text: Cow<'a, str>,
    encoding: &'static str,
) -> Result<Cow<'a, str>, DecodeError> {
    // A substring search, not a decode of every character: almost every file has none.
    let replaced = memchr::memmem::find_iter(text.as_bytes(), "\u{FFFD}".as_bytes()).count();
    if replaced > 0 {
        let total = text.chars().count();
        if replaced * 100 > total {
            return Err(DecodeError::Undecodable {
                encoding,
                replaced,
                total,
            });
        }
    }
    let allowed = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x0c);
    let text = if let Some(first) = first_control_byte(text.as_bytes(), allowed) {
        if binary_from(&text.as_bytes()[first..], text.len(), allowed) {
            return Err(DecodeError::Binary { offset: first });
        }
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if (c as u32) < 0x20 && !allowed(c as u8) {
                        ' '
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes of ASCII
/// characters fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wide {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

fn sniff_wide(bytes: &[u8]) -> Option<Wide> {
    let head = &bytes[..bytes.len().min(4096) & !3];
    // Every wide layout below needs zero bytes; nearly every file has none, and one vector
    // search says so where the count below visits each byte.
    if head.len() < 8 || memchr::memchr(0, head).is_none() {
        return None;
    }
    // Share of zero bytes at each position modulo 4.
    let mut zeros = [0usize; 4];
    for (i, &b) in head.iter().enumerate() {
        zeros[i % 4] += usize::from(b == 0);
    }
    let quarter = head.len() / 4;
    let mostly = |n: usize| n * 10 >= quarter * 9;
    let rarely = |n: usize| n * 10 <= quarter;
    if mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3]) && rarely(zeros[0]) {
        return Some(Wide::Utf32Le);
    }
    if mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && rarely(zeros[3]) {
        return Some(Wide::Utf32Be);
    }
    // UTF-16: ASCII-heavy text has a zero in every other byte (CJK text has few zeros and
    // is left to the binary check, which refuses it with a clear offset).
    let half = |a: usize, b: usize| (a + b) * 10 >= quarter * 2 * 6;
    let few = |a: usize, b: usize| (a + b) * 20 <= quarter * 2;
    if half(zeros[1], zeros[3]) && few(zeros[0], zeros[2]) {
        return Some(Wide::Utf16Le);
    }
    if half(zeros[0], zeros[2]) && few(zeros[1], zeros[3]) {
        return Some(Wide::Utf16Be);
    }
    None
}

impl Wide {
    fn decode(self, bytes: &[u8]) -> Result<(Cow<'static, str>, &'static str), DecodeError> {
        let (utf32, name) = match self {
            Wide::Utf16Le => {
                let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
                return Ok((Cow::Owned(text.into_owned()), "UTF-16LE"));
            }
            Wide::Utf16Be => {
                let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(bytes);
                return Ok((Cow::Owned(text.into_owned()), "UTF-16BE"));
            }
            Wide::Utf32Le => (u32::from_le_bytes as fn([u8; 4]) -> u32, "UTF-32LE"),
            Wide::Utf32Be => (u32::from_be_bytes as fn([u8; 4]) -> u32, "UTF-32BE"),
        };
        let (units, _) = bytes.as_chunks::<4>();
        let mut text = String::with_capacity(bytes.len() / 4);
        for (k, unit) in units.iter().enumerate() {
            let c = char::from_u32(utf32(*unit)).ok_or(DecodeError::BadUtf32 { offset: 4 * k })?;
            text.push(c);
        }
        Ok((Cow::Owned(text), name))
    }
}

/// Text files never hold NUL or most C0 controls; a few stray ones (form feed, escape in old
/// wire copy) are tolerated, many are a binary file.
fn first_binary_byte(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(8192)];
    let tolerated = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b);
    // NUL is no tolerated control: nothing before the first untolerated one is a NUL either.
    let first = first_control_byte(head, tolerated)?;
    if let Some(nul) = head[first..].iter().position(|&b| b == 0) {
        return Some(first + nul);
    }
    binary_from(&head[first..], head.len(), tolerated).then_some(first)
}

/// Whether the bytes from the first untolerated control byte on make `whole` bytes binary:
/// a NUL, or more than eight such bytes and over 1 % of them. A few strays are text.
fn binary_from(rest: &[u8], whole: usize, tolerated: impl Fn(u8) -> bool) -> bool {
    if rest.contains(&0) {
        return true;
    }
    let controls = rest.iter().filter(|&&b| b < 0x20 && !tolerated(b)).count();
    controls > 8 && controls * 100 > whole
}

/// The offset of the first control byte (below 0x20) that `allowed` does not accept. Every
/// byte of every file is tested and nearly all are printable: eight at a time by one word
/// test, then byte by byte only inside a word that holds a control byte (mostly a line break).
fn first_control_byte(bytes: &[u8], allowed: impl Fn(u8) -> bool) -> Option<usize> {
    let hit = |b: u8| b < 0x20 && !allowed(b);
    let (words, tail) = bytes.as_chunks::<8>();
    for (k, word) in words.iter().enumerate() {
        if crate::ascii::control_bytes(u64::from_le_bytes(*word)) != 0
            && let Some(i) = word.iter().position(|&b| hit(b))
        {
            return Some(8 * k + i);
        }
    }
    let offset = 8 * words.len();
    tail.iter().position(|&b| hit(b)).map(|i| offset + i)
}

fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return UTF_8;
    }
    if let Some(declared) = declared_charset(bytes) {
        return declared;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Bytes of a file's start searched for a declared `charset=` (HTML's prescan reads 1024).
const CHARSET_PRESCAN: usize = 2048;

/// The legacy encoding a web page declares (`<meta charset="iso-8859-1">`, or the
/// `content-type` meta), as a browser would honour it. A page that declares UTF-8 but is
/// not valid UTF-8 is left to detection.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN)];
    let at = head
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"charset="))?;
    let value = &head[at + 8..];
    let value = value
        .strip_prefix(b"\"")
        .or_else(|| value.strip_prefix(b"'"))
        .unwrap_or(value);
    let end = value
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(value.len());
    Encoding::for_label(&value[..end]).filter(|&e| e != UTF_8)
}

/// UTF-8 with a few broken sequences: at least as many valid multi-byte characters as
/// invalid sequences (a byte broken inside a character counts up to three). Guessing a legacy encoding for such a file would turn every ’ into
/// `â€™`; replacing the few broken bytes loses far less.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid > 0 && multibyte >= invalid
}

fn normalize_newlines(text: Cow<'_, str>) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text.into_owned();
    }
    // Whole runs between carriage returns at a time: a char-by-char copy was a tenth of
    // the time of reading a folder of saved web pages.
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while let Some(cr) = rest.find('\r') {
        out.push_str(&rest[..cr]);
        out.push('\n');
        rest = &rest[cr + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(enc: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "fixture not representable in {}", enc.name());
        bytes.into_owned()
    }

    #[test]
    fn owned_bytes_decode_like_borrowed_ones() {
        let latin1 = encode(
            encoding_rs::WINDOWS_1252,
            "Caf\u{e9} talks, 7 March\r\nSecond line",
        );
        let inputs: [&[u8]; 7] = [
            "Plain “UTF-8” talks\nline two".as_bytes(),
            b"Windows lines\r\nline two\r\n",
            &[0xEF, 0xBB, 0xBF, b'h', b'i'],
            &latin1,
            b"  \n\t ",
            b"text\x00with a NUL",
            b"\x01\x02\x03\x04 binary",
        ];
        for bytes in inputs {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn block_scan_finds_the_first_hit_wherever_it_falls() {
        // Hits before, on and after word borders, in the tail and nowhere, behind tolerated
        // control bytes in the same word and in earlier ones.
        for len in [0, 1, 31, 32, 33, 64, 95, 100] {
            for at in (0..len).chain([len]) {
                let mut bytes: Vec<u8> = (0..len)
                    .map(|i| if i % 7 == 3 { b'\n' } else { b'a' })
                    .collect();
                if at < len {
                    bytes[at] = 0;
                    // A later hit must not hide the first one.
                    bytes[len - 1] = 0;
                }
                let naive = bytes.iter().position(|&b| b == 0);
                assert_eq!(
                    first_control_byte(&bytes, |b| b != 0),
                    naive,
                    "len {len}, hit at {at}"
                );
            }
        }
    }

    #[test]
    fn word_test_misses_no_control_byte_among_any_others() {
        // Every byte value at every position of a word and of the tail, among neighbours at the
        // edges of the test's arithmetic.
        for background in [b'a', 0x20, 0x21, 0x7f, 0x80, 0xff] {
            for at in 0..17 {
                for value in 0..=u8::MAX {
                    let mut bytes = [background; 17];
                    bytes[at] = value;
                    let naive = bytes.iter().position(|&b| b < 0x20 && b != b'\n');
                    assert_eq!(first_control_byte(&bytes, |b| b == b'\n'), naive);
                }
            }
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Café “talks” — ¥1.05 trillion".as_bytes()).unwrap();
        assert_eq!(plain.encoding, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Café".as_bytes());
        assert_eq!(decode(&bom).unwrap().text, "Café");
    }

    #[test]
    fn utf16_both_endians_with_bom() {
        let text = "Tokyo, 7 January — 東京";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn windows_1252_and_latin1() {
        let text = "Le ministre a déclaré à Genève que l’accord était “signé” — enfin.";
        let got = decode(&encode(encoding_rs::WINDOWS_1252, text)).unwrap();
        assert_eq!(got.text, text);
        let latin = "Réunion à Zürich: la délégation française arrivée hier soir.";
        assert_eq!(
            decode(&encode(encoding_rs::WINDOWS_1252, latin))
                .unwrap()
                .text,
            latin
        );
    }

    const JAPANESE: &str = "日本と米国の外務・防衛担当閣僚は金曜日、オンラインで安全保障協議を開き、中国の軍事的な動きについて懸念を共有した。北朝鮮は水曜日に極超音速ミサイルを発射したと主張している。";

    #[test]
    fn shift_jis_and_euc_jp() {
        for enc in [encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP] {
            let got = decode(&encode(enc, JAPANESE)).unwrap();
            assert_eq!(got.text, JAPANESE, "{}", enc.name());
            assert_eq!(got.encoding, enc.name());
        }
    }

    #[test]
    fn gb18030_and_euc_kr() {
        let chinese = "日美外长和防长周五举行视频会议，讨论地区安全局势。朝鲜周三发射了一枚据称是新研制的高超音速导弹。";
        let got = decode(&encode(encoding_rs::GB18030, chinese)).unwrap();
        assert_eq!(got.text, chinese);
        let korean = "북한은 수요일 새로 개발한 극초음속 미사일을 발사했다고 주장했다. 한미 외교장관은 금요일 회담을 가졌다.";
        let got = decode(&encode(encoding_rs::EUC_KR, korean)).unwrap();
        assert_eq!(got.text, korean);
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().text, "a\nb\nc\n");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\n "), Err(DecodeError::Empty));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0";
        assert!(matches!(decode(png), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn a_few_broken_bytes_in_utf8_are_replaced_not_read_as_windows_1252() {
        let mut bytes = "Japan’s minister said “talks” went well. "
            .repeat(40)
            .into_bytes();
        for at in [3, 50, 90, 120, 140, 300] {
            bytes[at] = 0xFF;
        }
        let got = decode(&bytes).unwrap();
        assert_eq!(got.encoding, "UTF-8");
        assert!(
            got.text.contains("’") && !got.text.contains("â€"),
            "{}",
            got.text
        );
        assert!(got.warning.is_some_and(|w| w.contains("invalid UTF-8")));
        // Windows-1252 quotes alone (no valid UTF-8 beside them) are still Windows-1252.
        assert_eq!(
            decode(b"the \x93talks\x94 went well").unwrap().encoding,
            "windows-1252"
        );
    }

    #[test]
    fn isolated_control_characters_become_spaces() {
        let got = decode(b"Talks\x0bresumed on Friday.\x1b\n").unwrap();
        assert_eq!(got.text, "Talks resumed on Friday. \n");
        let binary: Vec<u8> = (0..40u8)
            .map(|i| if i % 2 == 0 { b'a' } else { i % 31 + 1 })
            .collect();
        assert!(matches!(
            decode(&binary),
            Err(DecodeError::Binary { offset: 1 })
        ));
    }

    #[test]
    fn utf16_and_utf32_without_bom_are_recognised() {
        let text = "Ministers met in Geneva on Tuesday, 7 March.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
        let le32: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be32: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        assert_eq!(decode(&le32).unwrap().text, text);
        assert_eq!(decode(&be32).unwrap().encoding, "UTF-32BE");
    }

    #[test]
    fn the_binary_offset_reads_as_an_offset() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
            .unwrap_err()
            .to_string();
        assert!(err.contains("at byte offset"), "{err}");
    }
}
