//! TODO (temporary stand-in until the real module lands)
pub fn api_path_segment(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC).to_string()
}
