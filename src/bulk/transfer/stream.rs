//! One account's original streamed into another's upload (`images copy`): the source's `blob`
//! opened for each attempt of the upload and read as the upload sends it, never held whole
//! nor written to disk; the bytes are counted against the length the source announced (a
//! body cut short fails the attempt, which is sent again with a fresh download) and hashed on
//! the way.

use std::io::{self, Read};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use crate::api::images::{OpenStream, Opened};
use crate::api::{ApiError, Client};

/// The SHA-256 of the last attempt's bytes, once it read them all.
pub type Digested = Arc<Mutex<Option<(u64, String)>>>;

/// The opener of image `id`'s original on the `source` account; `digested` is told the size
/// and SHA-256 of what an attempt read, when it read it all.
pub fn blob(source: Client, id: String, digested: Digested) -> OpenStream {
    Arc::new(move || {
        let response = source.image_blob(&id, Ok)?;
        let len = response.content_length().ok_or_else(|| {
            ApiError::Body(format!(
                "the source account sent the image '{id}' without a length, which an upload needs"
            ))
        })?;
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .filter(|t| t.starts_with("image/"))
            .unwrap_or("application/octet-stream")
            .to_string();
        *digested.lock().unwrap_or_else(|e| e.into_inner()) = None;
        Ok(Opened {
            reader: Box::new(Checked {
                inner: response,
                expected: len,
                read: 0,
                hasher: Sha256::new(),
                digested: Arc::clone(&digested),
            }),
            len,
            content_type,
        })
    })
}

/// A body that must give exactly `expected` bytes.
struct Checked<R> {
    inner: R,
    expected: u64,
    read: u64,
    hasher: Sha256,
    digested: Digested,
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.expected {
            return Err(io::Error::other(format!(
                "the source sent more than the {} bytes it announced",
                self.expected
            )));
        }
        self.hasher.update(&buf[..n]);
        if n == 0 || self.read == self.expected {
            if self.read < self.expected {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!(
                        "the source's download was cut off: got {} of {} bytes",
                        self.read, self.expected
                    ),
                ));
            }
            let digest = self.hasher.clone().finalize();
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            *self.digested.lock().unwrap_or_else(|e| e.into_inner()) = Some((self.read, hex));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(data: &'static [u8], expected: u64) -> (Checked<&'static [u8]>, Digested) {
        let digested: Digested = Arc::default();
        let reader = Checked {
            inner: data,
            expected,
            read: 0,
            hasher: Sha256::new(),
            digested: Arc::clone(&digested),
        };
        (reader, digested)
    }

    #[test]
    fn a_whole_body_is_hashed_and_a_short_or_long_one_fails() {
        let (mut whole, digested) = checked(b"abc", 3);
        let mut out = Vec::new();
        whole.read_to_end(&mut out).unwrap();
        assert_eq!(out, b"abc");
        let (len, sha) = digested.lock().unwrap().clone().unwrap();
        assert_eq!(len, 3);
        assert!(sha.starts_with("ba7816bf"), "{sha}");

        let (mut short, digested) = checked(b"ab", 3);
        let err = short.read_to_end(&mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("got 2 of 3 bytes"), "{err}");
        assert!(digested.lock().unwrap().is_none());

        let (mut long, _) = checked(b"abcd", 3);
        assert!(long.read_to_end(&mut Vec::new()).is_err());
    }
}
