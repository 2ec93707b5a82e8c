//! The uploaded file: its encoding and delimiter told from its first bytes, and read back as a
//! stream of CSV records decoded to UTF-8 (quoted delimiters and newlines, CRLF or LF), so a file
//! of any size is never held whole.
use crate::error::{ApiError, ApiResult};
use encoding_rs::{Encoding, UTF_8};
use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};
use std::io::Read;
use std::path::Path;

/// The encodings offered by name; detection may name another single-byte one it recognises.
pub const ENCODINGS: &[&str] = &["utf-8", "windows-1250", "iso-8859-2", "windows-1252"];

/// How much of the file the detection looks at.
pub const HEAD_BYTES: usize = 64 * 1024;

pub type Records<R> = csv::Reader<DecodeReaderBytes<R, Vec<u8>>>;

/// The named encoding (`utf-8`, `windows-1250`, ...), or a 422 on `field`.
pub fn named_encoding(name: &str) -> ApiResult<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
        ApiError::invalid(
            "encoding",
            "invalid_choice",
            &format!("One of: {}.", ENCODINGS.join(", ")),
        )
    })
}

/// UTF-8 when the bytes are (a BOM, or valid UTF-8 perhaps cut in the middle of a character);
/// otherwise what `chardetng` recognises among the legacy single-byte encodings, Windows-1252 when
/// it names something else.
pub fn detect_encoding(head: &[u8]) -> &'static Encoding {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return UTF_8;
    }
    match std::str::from_utf8(head) {
        Ok(_) => return UTF_8,
        Err(e) if e.error_len().is_none() => return UTF_8,
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(head, true);
    let guess = detector.guess(None, false);
    if guess.is_single_byte() {
        guess
    } else {
        encoding_rs::WINDOWS_1252
    }
}

/// The lower-case name clients see (`windows-1250`).
pub fn encoding_name(e: &'static Encoding) -> String {
    e.name().to_lowercase()
}

/// `,` `;` or tab: whichever occurs most often outside quotes in the first line (comma on a tie).
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// The delimiter given as `,`, `;`, `tab` (or a tab character).
pub fn named_delimiter(name: &str) -> ApiResult<u8> {
    match name {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "tab" | "\t" => Ok(b'\t'),
        _ => Err(ApiError::invalid(
            "delimiter",
            "invalid_choice",
            "One of: `,`, `;`, `tab`.",
        )),
    }
}

pub fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".into(),
        other => (other as char).to_string(),
    }
}

/// CSV records of `source` decoded from `encoding` (a BOM wins over it and is dropped). Rows may
/// have fewer or more cells than the header: that is reported per row, not a failure of the file.
pub fn records<R: Read>(source: R, encoding: &'static Encoding, delimiter: u8) -> Records<R> {
    let decoded = DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .bom_override(true)
        .strip_bom(true)
        .build(source);
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .buffer_capacity(256 * 1024)
        .from_reader(decoded)
}

/// The header cells, trimmed.
pub fn headers<R: Read>(reader: &mut Records<R>) -> ApiResult<Vec<String>> {
    let headers = reader
        .headers()
        .map_err(|e| ApiError::invalid("file", "unreadable", &format!("Not a CSV file: {e}.")))?;
    let out: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
    if out.iter().all(String::is_empty) {
        return Err(ApiError::invalid(
            "file",
            "no_header",
            "The first line must name the columns.",
        ));
    }
    Ok(out)
}

/// Encoding and delimiter of a stored file: the ones given, or detected from its first bytes.
pub fn sniff(
    path: &Path,
    encoding: Option<&'static Encoding>,
    delimiter: Option<u8>,
) -> ApiResult<(&'static Encoding, u8)> {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    std::fs::File::open(path)
        .and_then(|f| f.take(HEAD_BYTES as u64).read_to_end(&mut head))
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(sniff_bytes(&head, encoding, delimiter))
}

pub fn sniff_bytes(
    head: &[u8],
    encoding: Option<&'static Encoding>,
    delimiter: Option<u8>,
) -> (&'static Encoding, u8) {
    let encoding = encoding.unwrap_or_else(|| detect_encoding(head));
    let delimiter = delimiter.unwrap_or_else(|| {
        let (text, _, _) = encoding.decode(head);
        detect_delimiter(&text)
    });
    (encoding, delimiter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_central_european_from_utf8() {
        // "Šibenik;Čakovec;Đakovo" in Windows-1250.
        let cp1250 = b"Naziv;Grad\n\x8Aibenik d.o.o.;\xC8akovec\n\xD0akovo;\x8Eminj\n";
        assert_eq!(detect_encoding(cp1250), encoding_rs::WINDOWS_1250);
        assert_eq!(detect_encoding("Naziv;Grad\nŠibenik".as_bytes()), UTF_8);
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFname\n"), UTF_8);
    }

    #[test]
    fn finds_the_delimiter_outside_quotes() {
        assert_eq!(detect_delimiter("\"a;b;c\",x,y\n1;2"), b',');
        assert_eq!(detect_delimiter("a;b;c\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc,d\n"), b'\t');
        assert_eq!(detect_delimiter("single\n"), b',');
    }

    #[test]
    fn reads_quoted_newlines_and_crlf() {
        let data = "name;notes\r\n\"Kraš\";\"first line\r\nsecond; line\"\r\nPodravka;x\r\n";
        let mut r = records(data.as_bytes(), UTF_8, b';');
        assert_eq!(
            headers(&mut r).ok(),
            Some(vec!["name".into(), "notes".into()])
        );
        let rows: Vec<csv::StringRecord> = r.records().filter_map(Result::ok).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][1], "first line\r\nsecond; line");
    }
}
