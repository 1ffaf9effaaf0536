//! Puts documents' PDF pages into the volume at PDF level.
//!
//! Typst's PDF/A export does not take embedded PDF pages, so the volume is compiled as PDF/A
//! with an empty slot page where each document page goes (its hidden headings, contents and
//! page numbers unchanged), and each document page is then drawn into its slot as a Form
//! XObject: the page's content stream as it is, its resources (fonts, images, colour profiles)
//! copied with the objects they reference. The volume keeps its own catalog: one output intent,
//! its XMP metadata and document information, its outline. What belongs to a document's catalog
//! or page apart from its content (its output intent, metadata, structure, annotations) is not
//! carried over, as Typst's embedding of the pages did not carry it either.
//!
//! The result is reproducible: objects are numbered in the order they are met, nothing depends
//! on the clock or on hashing.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Why a document could not be bound.
#[derive(Debug)]
pub(crate) enum BindError {
    /// It could not be read as a PDF.
    Unreadable(String),
    /// It has `found` pages, not the number it was rendered with.
    Pages { found: usize },
    /// Its page `page` (from 1) could not be drawn into the volume.
    Page { page: usize, error: String },
}

/// A volume being filled: its slot pages in order and the next one to fill.
pub(crate) struct Binder {
    volume: Document,
    slots: Vec<ObjectId>,
    next: usize,
    /// `q`, shared by every slot: the volume's own drawing is enclosed so that the document
    /// page is placed in the page's default coordinates whatever state it leaves.
    save: ObjectId,
}

/// A document's PDF read for [`Binder::place_parsed`] (documents can be read on several
/// threads, and placed in order on one).
pub(crate) fn parse(doc_pdf: &[u8]) -> Result<Document, BindError> {
    let doc = Document::load_mem(doc_pdf).map_err(|e| BindError::Unreadable(e.to_string()))?;
    if doc.is_encrypted() {
        return Err(BindError::Unreadable("encrypted".into()));
    }
    Ok(doc)
}

impl Binder {
    /// The volume compiled by Typst, whose last `slots` pages are empty slots for the
    /// documents' pages.
    pub fn new(volume_pdf: &[u8], slots: usize) -> Result<Binder, String> {
        let mut volume = Document::load_mem(volume_pdf).map_err(|e| e.to_string())?;
        let pages: Vec<ObjectId> = volume.get_pages().into_values().collect();
        if pages.len() < slots {
            return Err(format!(
                "the volume has {} pages, fewer than the {slots} pages of its documents",
                pages.len()
            ));
        }
        let slots = pages[pages.len() - slots..].to_vec();
        let save = volume.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
        Ok(Binder {
            volume,
            slots,
            next: 0,
            save,
        })
    }

    /// Puts every page of one document, which has `expected` pages, into the next slots.
    #[cfg(test)]
    pub fn place(&mut self, doc_pdf: &[u8], expected: usize) -> Result<(), BindError> {
        self.place_parsed(parse(doc_pdf)?, expected)
    }

    /// [`Binder::place`] of a document already read ([`parse`]).
    pub(crate) fn place_parsed(&mut self, doc: Document, expected: usize) -> Result<(), BindError> {
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        if pages.len() != expected {
            return Err(BindError::Pages { found: pages.len() });
        }
        let mut from = Mover {
            doc,
            moved: HashMap::new(),
        };
        for (i, page) in pages.into_iter().enumerate() {
            let at = |error: String| BindError::Page { page: i + 1, error };
            let slot = *self
                .slots
                .get(self.next)
                .ok_or_else(|| at("the volume has no slot left for this page".into()))?;
            let form = self.form_of(&mut from, page).map_err(at)?;
            self.put_into(slot, form).map_err(at)?;
            self.next += 1;
        }
        Ok(())
    }

    /// The volume's bytes, once every slot is filled.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        if self.next != self.slots.len() {
            return Err(format!(
                "{} of the volume's {} document pages were bound",
                self.next,
                self.slots.len()
            ));
        }
        let mut out = Vec::new();
        self.volume.save_to(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    /// A document page as a Form XObject in the volume: its content, resources, bounding box
    /// (its MediaBox) and transparency group. Returns the form and the box.
    fn form_of(
        &mut self,
        from: &mut Mover,
        page: ObjectId,
    ) -> Result<(ObjectId, [f32; 4]), String> {
        let doc = &from.doc;
        let media_box = inherited(doc, page, b"MediaBox")
            .and_then(|o| rect(doc, &o))
            .ok_or("the page has no MediaBox of four numbers")?;
        let resources = inherited(doc, page, b"Resources")
            .unwrap_or_else(|| Object::Dictionary(Dictionary::new()));
        let page_dict = doc.get_dictionary(page).map_err(|e| e.to_string())?;
        let group = page_dict.get(b"Group").ok().cloned();
        let contents = match page_dict.get(b"Contents") {
            Ok(Object::Reference(id)) => vec![*id],
            Ok(Object::Array(refs)) => refs
                .iter()
                .map(|r| r.as_reference().map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?,
            Ok(_) => return Err("the page's Contents is neither a stream nor an array".into()),
            Err(_) => Vec::new(),
        };
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"XObject".to_vec()));
        dict.set("Subtype", Object::Name(b"Form".to_vec()));
        dict.set(
            "BBox",
            Object::Array(media_box.iter().map(|v| Object::Real(*v)).collect()),
        );
        let content = if let [id] = contents[..] {
            // One stream, kept as it is, filters and all.
            let stream = from.take_stream(id)?;
            for key in [&b"Filter"[..], b"DecodeParms"] {
                if let Ok(v) = stream.dict.get(key) {
                    dict.set(key, from.object(&mut self.volume, v.clone()));
                }
            }
            stream.content
        } else {
            // Several streams are one content: joined decoded.
            let mut joined = Vec::new();
            for id in contents {
                let stream = from.take_stream(id)?;
                let bytes = if stream.dict.has(b"Filter") {
                    stream.decompressed_content().map_err(|e| e.to_string())?
                } else {
                    stream.content
                };
                joined.extend_from_slice(&bytes);
                joined.push(b'\n');
            }
            joined
        };
        dict.set("Resources", from.object(&mut self.volume, resources));
        if let Some(group) = group {
            dict.set("Group", from.object(&mut self.volume, group));
        }
        let id = self.volume.add_object(Stream::new(dict, content));
        Ok((id, media_box))
    }

    /// Draws the form into the slot page, over what the volume drew there (its page number
    /// and draft mark), scaled to cover the slot and centred as Typst placed an image of the
    /// page before.
    fn put_into(
        &mut self,
        slot: ObjectId,
        (form, bbox): (ObjectId, [f32; 4]),
    ) -> Result<(), String> {
        let vol = &self.volume;
        let slot_box = inherited(vol, slot, b"MediaBox")
            .and_then(|o| rect(vol, &o))
            .ok_or("the volume's slot page has no MediaBox")?;
        let mut resources = match inherited(vol, slot, b"Resources") {
            Some(o) => vol
                .dereference(&o)
                .and_then(|(_, o)| o.as_dict())
                .map_err(|e| e.to_string())?
                .clone(),
            None => Dictionary::new(),
        };
        let mut xobjects = match resources.get(b"XObject") {
            Ok(o) => vol
                .dereference(o)
                .and_then(|(_, o)| o.as_dict())
                .map_err(|e| e.to_string())?
                .clone(),
            Err(_) => Dictionary::new(),
        };
        let mut name = b"Doc".to_vec();
        while xobjects.has(&name) {
            name.push(b'x');
        }
        xobjects.set(name.clone(), Object::Reference(form));
        resources.set("XObject", Object::Dictionary(xobjects));

        let (w, h) = (bbox[2] - bbox[0], bbox[3] - bbox[1]);
        let (sw, sh) = (slot_box[2] - slot_box[0], slot_box[3] - slot_box[1]);
        if w <= 0.0 || h <= 0.0 {
            return Err("the page's MediaBox is empty".into());
        }
        let s = (sw / w).max(sh / h);
        let tx = slot_box[0] + (sw - s * w) / 2.0 - s * bbox[0];
        let ty = slot_box[1] + (sh - s * h) / 2.0 - s * bbox[1];
        let mut draw = String::from("Q\nq\n");
        if (s * w - sw).abs() > 0.01 || (s * h - sh).abs() > 0.01 {
            // What covers the slot beyond it is cut off, as Typst did.
            draw += &format!(
                "{} {} {} {} re W n\n",
                num(slot_box[0]),
                num(slot_box[1]),
                num(sw),
                num(sh)
            );
        }
        draw += &format!(
            "{} 0 0 {} {} {} cm\n/{} Do\nQ\n",
            num(s),
            num(s),
            num(tx),
            num(ty),
            String::from_utf8_lossy(&name)
        );
        let draw = self
            .volume
            .add_object(Stream::new(Dictionary::new(), draw.into_bytes()));

        let page = self
            .volume
            .get_dictionary(slot)
            .map_err(|e| e.to_string())?;
        let mut contents = vec![Object::Reference(self.save)];
        match page.get(b"Contents") {
            Ok(Object::Array(a)) => contents.extend(a.iter().cloned()),
            Ok(o) => contents.push(o.clone()),
            Err(_) => {}
        }
        contents.push(Object::Reference(draw));
        let page = self
            .volume
            .get_dictionary_mut(slot)
            .map_err(|e| e.to_string())?;
        page.set("Contents", Object::Array(contents));
        page.set("Resources", Object::Dictionary(resources));
        Ok(())
    }
}

/// Moves a document's objects into the volume, each once (fonts and colour spaces shared by
/// its pages too), renumbered in the order they are met. Taken, not cloned: the document is
/// dropped once bound.
struct Mover {
    doc: Document,
    /// Each object of the document moved so far, with its number in the volume.
    moved: HashMap<ObjectId, ObjectId>,
}

impl Mover {
    /// `object` as the volume holds it, with every object it refers to moved over. A
    /// dictionary's /Parent is left behind: resources never need their page.
    fn object(&mut self, volume: &mut Document, object: Object) -> Object {
        match object {
            Object::Reference(id) => {
                if let Some(new) = self.moved.get(&id) {
                    return Object::Reference(*new);
                }
                let new = volume.new_object_id();
                self.moved.insert(id, new);
                let target = self.doc.objects.remove(&id).unwrap_or(Object::Null);
                let target = self.object(volume, target);
                volume.objects.insert(new, target);
                Object::Reference(new)
            }
            Object::Array(items) => {
                Object::Array(items.into_iter().map(|o| self.object(volume, o)).collect())
            }
            Object::Dictionary(dict) => Object::Dictionary(self.dict(volume, dict)),
            Object::Stream(stream) => {
                let dict = self.dict(volume, stream.dict);
                let mut new = Stream::new(dict, stream.content);
                new.allows_compression = stream.allows_compression;
                Object::Stream(new)
            }
            other => other,
        }
    }

    fn dict(&mut self, volume: &mut Document, dict: Dictionary) -> Dictionary {
        dict.into_iter()
            .filter(|(k, _)| k != b"Parent")
            .map(|(k, v)| (k, self.object(volume, v)))
            .collect()
    }

    /// A content stream of the document, taken out of it.
    fn take_stream(&mut self, id: ObjectId) -> Result<Stream, String> {
        match self.doc.objects.remove(&id) {
            Some(Object::Stream(s)) => Ok(s),
            _ => Err(format!("content {} {} R is not a stream", id.0, id.1)),
        }
    }
}

/// A page's `key`, from the page or the nearest page tree node above it.
fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    // A page tree is shallow; the bound stops a cycle.
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return Some(v.clone());
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// A rectangle `[x0 y0 x1 y1]`, normalized so that x0 < x1 and y0 < y1.
fn rect(doc: &Document, o: &Object) -> Option<[f32; 4]> {
    let (_, o) = doc.dereference(o).ok()?;
    let a = o.as_array().ok()?;
    let v: Vec<f32> = a
        .iter()
        .map(|n| doc.dereference(n).ok().and_then(|(_, n)| n.as_float().ok()))
        .collect::<Option<_>>()?;
    let [x0, y0, x1, y1] = v[..] else { return None };
    Some([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)])
}

/// A number as a content stream writes it: at most four decimals, no trailing zeros.
fn num(v: f32) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF of one page of `w` × `h` points drawing `content`.
    fn one_page(w: i64, h: i64, content: &[u8]) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let content = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
        let dict = |entries: Vec<(&str, Object)>| {
            let mut d = Dictionary::new();
            for (k, v) in entries {
                d.set(k, v);
            }
            d
        };
        let name = |n: &str| Object::Name(n.as_bytes().to_vec());
        let page = doc.add_object(dict(vec![
            ("Type", name("Page")),
            ("Parent", pages.into()),
            (
                "MediaBox",
                vec![0.into(), 0.into(), w.into(), h.into()].into(),
            ),
            ("Resources", Dictionary::new().into()),
            ("Contents", content.into()),
        ]));
        doc.objects.insert(
            pages,
            dict(vec![
                ("Type", name("Pages")),
                ("Kids", vec![page.into()].into()),
                ("Count", 1.into()),
            ])
            .into(),
        );
        let catalog = doc.add_object(dict(vec![
            ("Type", name("Catalog")),
            ("Pages", pages.into()),
        ]));
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    /// What the slot page draws after the volume's own content.
    fn drawn(pdf: &[u8]) -> String {
        let doc = Document::load_mem(pdf).unwrap();
        let page = *doc.get_pages().values().next().unwrap();
        let last = *doc.get_page_contents(page).last().unwrap();
        let stream = doc.get_object(last).unwrap().as_stream().unwrap();
        String::from_utf8(stream.content.clone()).unwrap()
    }

    #[test]
    fn a_page_of_the_slots_size_is_drawn_where_it_is_and_one_of_another_covers_it_centred() {
        let slot = one_page(600, 800, b"BT ET");
        let mut binder = Binder::new(&slot, 1).unwrap();
        binder.place(&one_page(600, 800, b"0 0 m"), 1).unwrap();
        let same = drawn(&binder.finish().unwrap());
        assert!(same.contains("1 0 0 1 0 0 cm\n/Doc Do"), "{same}");
        assert!(!same.contains(" re W n"), "{same}");

        // A landscape page on a portrait slot: scaled to cover its height, centred, clipped.
        let mut binder = Binder::new(&slot, 1).unwrap();
        binder.place(&one_page(800, 400, b"0 0 m"), 1).unwrap();
        let other = drawn(&binder.finish().unwrap());
        assert!(other.contains("0 0 600 800 re W n"), "{other}");
        assert!(other.contains("2 0 0 2 -500 0 cm\n/Doc Do"), "{other}");
    }

    #[test]
    fn pages_and_slots_that_do_not_match_are_refused() {
        let slot = one_page(600, 800, b"");
        assert!(Binder::new(&slot, 2).is_err(), "two slots in one page");
        let mut binder = Binder::new(&slot, 1).unwrap();
        let doc = one_page(600, 800, b"");
        assert!(matches!(
            binder.place(&doc, 2),
            Err(BindError::Pages { found: 1 })
        ));
        assert!(matches!(
            binder.place(b"%PDF-1.7\n", 1),
            Err(BindError::Unreadable(_))
        ));
        assert!(binder.finish().is_err(), "a slot left empty");
        let mut binder = Binder::new(&slot, 1).unwrap();
        binder.place(&doc, 1).unwrap();
        assert!(matches!(
            binder.place(&doc, 1),
            Err(BindError::Page { page: 1, .. })
        ));
    }

    #[test]
    fn numbers_are_written_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.00001), "0");
        assert_eq!(num(595.2756), "595.2756");
        assert_eq!(num(0.5), "0.5");
    }
}
