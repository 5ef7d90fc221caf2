//! Bytes → text: BOM sniffing, UTF-8, legacy encodings guessed from the bytes, and refusal of
//! binary data, so that a folder of mixed provenance loads as readable text or not at all.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Why a file's bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary data (byte {offset:#x} is a control character), not text")]
    Binary { offset: usize },
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
}

/// Decodes a file's bytes, normalising line endings to `\n`.
///
/// # Errors
/// Empty input, binary data (NUL or other control bytes outside a UTF-16 text), or text whose
/// decoding would replace more than 1 % of its characters.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding) = decode_checked(bytes)?;
    Ok(Decoded {
        text: normalize_newlines(text),
        encoding: encoding.name(),
    })
}

/// [`decode`], taking the bytes: a file whose text is its bytes as they are (UTF-8 without a
/// BOM or carriage returns, nearly every file) becomes that text with no second buffer to fill
/// and free.
///
/// # Errors
/// As [`decode`].
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let (text, encoding) = decode_checked(&bytes)?;
    let unchanged =
        matches!(&text, Cow::Borrowed(t) if t.len() == bytes.len() && !t.contains('\r'));
    if !unchanged {
        return Ok(Decoded {
            text: normalize_newlines(text),
            encoding: encoding.name(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: encoding.name(),
        }),
        // Not reached: the decoder lends the input only when it is valid UTF-8.
        Err(not_utf8) => decode(not_utf8.as_bytes()),
    }
}

/// The text of `bytes` (lent from them where the decoder can) and its encoding, once it has
/// passed every check.
fn decode_checked(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom_len..])
    } else {
        if let Some(offset) = first_binary_byte(bytes) {
            return Err(DecodeError::Binary { offset });
        }
        (guess_encoding(bytes), bytes)
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    check_decoded(&text, encoding)?;
    Ok((text, encoding))
}

/// Refuses decoded text that is mostly replacement characters, holds control bytes or is
/// blank.
fn check_decoded(text: &str, encoding: &'static Encoding) -> Result<(), DecodeError> {
    // A substring search, not a decode of every character: almost every file has none.
    let replaced = text.matches('\u{FFFD}').count();
    if replaced > 0 {
        let total = text.chars().count();
        if replaced * 100 > total {
            return Err(DecodeError::Undecodable {
                encoding: encoding.name(),
                replaced,
                total,
            });
        }
    }
    if let Some(offset) = first_control_byte(text.as_bytes(), |b| {
        matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)
    }) {
        return Err(DecodeError::Binary { offset });
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(())
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
    let controls = head[first..]
        .iter()
        .filter(|&&b| b < 0x20 && !tolerated(b))
        .count();
    (controls * 100 > head.len()).then_some(first)
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
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn normalize_newlines(text: Cow<'_, str>) -> String {
    if !text.contains('\r') {
        return text.into_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
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
}
