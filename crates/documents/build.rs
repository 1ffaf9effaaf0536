//! Compresses the embedded fonts (fonts/) with zstd into OUT_DIR, and lists them for
//! src/fonts.rs. The fonts are read from the binary; compressed, they take about half the
//! space, and each is decompressed only when a document first uses it.

use std::io::Write;
use std::path::Path;

/// The fonts the binary embeds, in the order their faces enter the font book.
const FONTS: &[&str] = &[
    "FandolSong-Regular.otf",
    "FandolSong-Bold.otf",
    "FandolHei-Regular.otf",
    "FandolHei-Bold.otf",
    "FandolFang-Regular.otf",
    "FandolKai-Regular.otf",
    "HanaMinA-subset.ttf",
    "HanaMinB.ttf",
    "NotoSansCJK-Regular.ttc",
];

/// zstd level: 9 is within a tenth of the best ratio at a twentieth of the time.
const LEVEL: i32 = 9;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    let mut list = String::from("&[\n");
    for name in FONTS {
        let src = Path::new("../../fonts").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let data = std::fs::read(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let packed = zstd::encode_all(&data[..], LEVEL).expect("zstd");
        let dst = out.join(format!("{name}.zst"));
        std::fs::File::create(&dst)
            .and_then(|mut f| f.write_all(&packed))
            .unwrap_or_else(|e| panic!("{}: {e}", dst.display()));
        list.push_str(&format!(
            "    ({name:?}, {len}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.zst\"))),\n",
            len = data.len()
        ));
    }
    list.push(']');
    std::fs::write(out.join("fonts.rs"), list).expect("fonts.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
