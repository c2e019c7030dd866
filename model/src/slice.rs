//! (12.4–13.5) Picture coding parameters, slice decoding (LD and HQ), inverse
//! quantisation, DC prediction, and the assembly of a picture from its slices (which may
//! arrive in several fragments).

use crate::bits::{BitReader, BlockReader};
use crate::error::{Error, ErrorKind, Position, Result};
use crate::math::{intlog2, mean3};
use crate::params::SequenceHeader;
use crate::picture::{Picture, Plane};
use crate::quant::Dequantiser;
use crate::wavelet::{band_rects, coef_limit, BandRect, Coef, Coefficients, TransformParams};

/// How a picture's slices are sized (12.4.5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SliceSizing {
    /// Low-delay profile: every slice has a fixed byte size.
    LowDelay {
        /// slice_bytes_numerator.
        numerator: u64,
        /// slice_bytes_denominator.
        denominator: u64,
    },
    /// High-quality profile: each slice states its component lengths.
    HighQuality {
        /// slice_prefix_bytes.
        prefix_bytes: u64,
        /// slice_size_scaler.
        size_scaler: u64,
    },
}

/// (12.4) Transform parameters of a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureCoding {
    /// Wavelets and depths.
    pub transform: TransformParams,
    /// slices_x.
    pub slices_x: u64,
    /// slices_y.
    pub slices_y: u64,
    /// Slice sizing.
    pub sizing: SliceSizing,
    /// Quantisation matrix in bitstream order (one entry per band).
    pub quant_matrix: Vec<u64>,
    /// Whether the matrix was sent in the stream.
    pub custom_quant_matrix: bool,
}

/// Deepest transform the decoder accepts (`dwt_depth + dwt_depth_ho`): a picture of at
/// most 16384 samples needs no more than 14 levels, and the padding a deeper transform
/// asks for would be absurd.
pub const MAX_LEVELS: u64 = 16;

/// (12.4.1) `transform_parameters` (with 12.4.4 `extended_transform_parameters`, 12.4.5.2
/// `slice_parameters` and 12.4.5.3 `quant_matrix`). `max_slices` bounds slices_x·slices_y
/// (each slice costs at least one byte, so the stream's length bounds it).
pub fn transform_parameters(r: &mut BitReader<'_>, major_version: u64, is_ld: bool, max_slices: u64) -> Result<PictureCoding> {
    let bad = |r: &BitReader<'_>, what, value, why| r.error(ErrorKind::BadValue { what, value, why });
    let wavelet_index = r.read_uint("wavelet_index")?;
    if wavelet_index > 6 {
        return Err(bad(r, "wavelet_index", wavelet_index, "must be 0..=6 (Table 12.1)"));
    }
    let dwt_depth = r.read_uint("dwt_depth")?;
    let mut wavelet_index_ho = wavelet_index;
    let mut dwt_depth_ho = 0;
    if major_version >= 3 {
        // (12.4.4.1) extended_transform_parameters
        if r.read_bool("asym_transform_index_flag")? {
            wavelet_index_ho = r.read_uint("wavelet_index_ho")?;
            if wavelet_index_ho > 6 {
                return Err(bad(r, "wavelet_index_ho", wavelet_index_ho, "must be 0..=6 (Table 12.1)"));
            }
        }
        if r.read_bool("asym_transform_flag")? {
            dwt_depth_ho = r.read_uint("dwt_depth_ho")?;
        }
    }
    if dwt_depth.saturating_add(dwt_depth_ho) > MAX_LEVELS {
        return Err(bad(r, "dwt_depth + dwt_depth_ho", dwt_depth.saturating_add(dwt_depth_ho), "more than 16 transform levels are not supported"));
    }
    let transform = TransformParams {
        wavelet_index: wavelet_index as usize,
        wavelet_index_ho: wavelet_index_ho as usize,
        dwt_depth: dwt_depth as usize,
        dwt_depth_ho: dwt_depth_ho as usize,
    };
    // (12.4.5.2) slice_parameters
    let slices_x = r.read_uint("slices_x")?;
    let slices_y = r.read_uint("slices_y")?;
    if slices_x == 0 || slices_y == 0 {
        return Err(bad(r, "slices_x * slices_y", 0, "a picture needs at least one slice"));
    }
    if slices_x.saturating_mul(slices_y) > max_slices {
        return Err(bad(r, "slices_x * slices_y", slices_x.saturating_mul(slices_y), "more slices than the stream has bytes"));
    }
    let sizing = if is_ld {
        let numerator = r.read_uint("slice_bytes_numerator")?;
        let denominator = r.read_uint("slice_bytes_denominator")?;
        if denominator == 0 {
            return Err(bad(r, "slice_bytes_denominator", 0, "must be non-zero"));
        }
        if numerator < denominator {
            return Err(bad(r, "slice_bytes_numerator", numerator, "slices must be at least one byte (numerator >= denominator)"));
        }
        SliceSizing::LowDelay { numerator, denominator }
    } else {
        let prefix_bytes = r.read_uint("slice_prefix_bytes")?;
        let size_scaler = r.read_uint("slice_size_scaler")?;
        if size_scaler == 0 {
            return Err(bad(r, "slice_size_scaler", 0, "must be non-zero"));
        }
        SliceSizing::HighQuality { prefix_bytes, size_scaler }
    };
    // (12.4.5.3) quant_matrix
    let nbands = transform.bands().len();
    let custom_quant_matrix = r.read_bool("custom_quant_matrix")?;
    let quant_matrix = if custom_quant_matrix {
        let mut m = Vec::with_capacity(nbands);
        for _ in 0..nbands {
            m.push(r.read_uint("quant_matrix value")?);
        }
        m
    } else {
        match crate::tables::default_quant_matrix(wavelet_index, wavelet_index_ho, dwt_depth, dwt_depth_ho) {
            Some(m) => m.iter().map(|&v| v as u64).collect(),
            None => {
                return Err(r.error(ErrorKind::NoDefaultQuantMatrix { wavelet_index, wavelet_index_ho, dwt_depth, dwt_depth_ho }))
            }
        }
    };
    Ok(PictureCoding { transform, slices_x, slices_y, sizing, quant_matrix, custom_quant_matrix })
}

impl PictureCoding {
    /// Number of slices.
    pub fn slice_count(&self) -> u64 {
        self.slices_x * self.slices_y
    }

    /// (13.5.3.2) `slice_bytes(sx, sy)` for the low-delay profile, by slice number.
    pub fn ld_slice_bytes(&self, slice_number: u64) -> u64 {
        match self.sizing {
            SliceSizing::LowDelay { numerator, denominator } => {
                let n = numerator as u128;
                let d = denominator as u128;
                let s = slice_number as u128;
                (((s + 1) * n) / d - (s * n) / d) as u64
            }
            SliceSizing::HighQuality { .. } => 0,
        }
    }
}

/// Slice boundaries of one band of one component: `xs[sx]..xs[sx+1]` and `ys[sy]..ys[sy+1]`
/// are (13.5.6.2) `slice_left/right/top/bottom`.
#[derive(Debug, Clone)]
struct BandGeometry {
    xs: Vec<u32>,
    ys: Vec<u32>,
}

/// Coefficients of the three components of a picture being assembled, in `T`.
struct Coeffs<T> {
    comps: [Coefficients<T>; 3],
    limit: u64,
}

/// Coefficient buffers a decoder keeps between pictures of the same format, so that a
/// stream of pictures allocates (and page-faults) its large arrays only once.
pub type SpareBuffers = [Coefficients<i32>; 3];

/// Assembles one picture from its slices and synthesises it.
///
/// Coefficients start in `i32` (fast); if a dequantised coefficient exceeds what the
/// `i32` transform can compute without overflow, the picture's slices decoded so far are
/// decoded again in `i64` (they are remembered as byte ranges of the stream); beyond the
/// `i64` limit the picture is an error.
pub struct PictureAssembler<'a> {
    coding: PictureCoding,
    is_ld: bool,
    dc_prediction: bool,
    geometry: [Vec<BandGeometry>; 3],
    rects: [Vec<BandRect>; 3],
    sizes: [(usize, usize); 3],
    depths: [u32; 3],
    narrow: Option<Coeffs<i32>>,
    wide: Option<Coeffs<i64>>,
    /// (data, stream offset of data[0], first slice, slice count) of each decoded run.
    runs: Vec<(&'a [u8], u64, u64, u64)>,
    slices_done: u64,
    picture_number: u32,
}

impl<'a> PictureAssembler<'a> {
    /// Starts a picture. `dc_prediction` is (Table 10.2) `using_dc_prediction` (LD pictures).
    /// `spare` buffers from an earlier picture are reused when their format matches.
    pub fn new(seq: &SequenceHeader, coding: PictureCoding, is_ld: bool, dc_prediction: bool, picture_number: u32, spare: Option<SpareBuffers>) -> Self {
        let c = &seq.coding;
        let sizes = [(c.luma_width, c.luma_height), (c.color_diff_width, c.color_diff_height), (c.color_diff_width, c.color_diff_height)];
        let t = coding.transform;
        let geometry = sizes.map(|(w, h)| {
            t.bands()
                .iter()
                .map(|&(level, _)| {
                    let bw = t.subband_width(level, w) as u64;
                    let bh = t.subband_height(level, h) as u64;
                    BandGeometry {
                        xs: (0..=coding.slices_x).map(|sx| (bw * sx / coding.slices_x) as u32).collect(),
                        ys: (0..=coding.slices_y).map(|sy| (bh * sy / coding.slices_y) as u32).collect(),
                    }
                })
                .collect()
        });
        let fits = |b: &SpareBuffers| b.iter().zip(sizes).all(|(c, (w, h))| c.transform == t && (c.width, c.height) == t.padded_size(w, h));
        let comps = match spare {
            Some(b) if fits(&b) => b,
            _ => sizes.map(|(w, h)| Coefficients::new(&t, w, h)),
        };
        let narrow = Some(Coeffs { comps, limit: coef_limit::<i32>(&t) });
        let rects = sizes.map(|(w, h)| band_rects(&t, w, h));
        PictureAssembler {
            coding,
            is_ld,
            dc_prediction,
            geometry,
            rects,
            sizes,
            depths: [c.luma_depth, c.color_diff_depth, c.color_diff_depth],
            narrow,
            wide: None,
            runs: Vec::new(),
            slices_done: 0,
            picture_number,
        }
    }

    /// The picture's coding parameters.
    pub fn coding(&self) -> &PictureCoding {
        &self.coding
    }

    /// Slices decoded so far.
    pub fn slices_done(&self) -> u64 {
        self.slices_done
    }

    /// True once every slice has been decoded.
    pub fn is_complete(&self) -> bool {
        self.slices_done == self.coding.slice_count()
    }

    /// Decodes `count` consecutive slices starting with slice number `first` from
    /// `data` (whose first byte is at stream offset `base`), starting at `data[0]`.
    /// Returns the number of bytes they occupied.
    pub fn decode_slices(&mut self, data: &'a [u8], base: u64, first: u64, count: u64) -> Result<usize> {
        let used = loop {
            let result = if let Some(c) = self.narrow.as_mut() {
                decode_run(&self.coding, self.is_ld, &self.geometry, &self.rects, c, data, base, first, count)
            } else {
                decode_run(&self.coding, self.is_ld, &self.geometry, &self.rects, self.wide.as_mut().expect("one width is live"), data, base, first, count)
            };
            match result {
                Ok(n) => break n,
                Err(RunError::Overflow { .. }) if self.narrow.is_some() => self.widen()?,
                Err(RunError::Overflow { value, position }) => {
                    let limit = self.wide.as_ref().map_or(0, |c| c.limit) as u128;
                    return Err(Error::at(ErrorKind::CoefficientOverflow { value, limit }, position));
                }
                Err(RunError::Stream(e)) => return Err(e),
            }
        };
        self.runs.push((data, base, first, count));
        self.slices_done += count;
        Ok(used)
    }

    /// Counts `count` consecutive slices from `first` as [`PictureAssembler::decode_slices`]
    /// would, checking their extents only (their contents go to a slice decoder). Returns
    /// the bytes they occupy.
    pub fn skip_slices(&mut self, data: &'a [u8], base: u64, first: u64, count: u64) -> Result<usize> {
        let used = slice_bytes_used(&self.coding, self.is_ld, data, base, first, count)?;
        self.slices_done += count;
        Ok(used)
    }

    /// Switches to 64-bit coefficients and decodes the runs so far again.
    fn widen(&mut self) -> Result<()> {
        let t = self.coding.transform;
        self.narrow = None;
        let mut wide = Coeffs { comps: self.sizes.map(|(w, h)| Coefficients::new(&t, w, h)), limit: coef_limit::<i64>(&t) };
        for &(data, base, first, count) in &self.runs {
            decode_run(&self.coding, self.is_ld, &self.geometry, &self.rects, &mut wide, data, base, first, count).map_err(|e| match e {
                RunError::Overflow { value, position } => Error::at(ErrorKind::CoefficientOverflow { value, limit: wide.limit as u128 }, position),
                RunError::Stream(e) => e,
            })?;
        }
        self.wide = Some(wide);
        Ok(())
    }

    /// (13.4) DC prediction (LD), (15) inverse transform, (15.5) clipping and offset:
    /// the finished picture, and the coefficient buffers for the next picture to reuse.
    /// `position` is where errors found now are reported.
    /// `recycled` is a finished picture whose planes are reused when their shapes match.
    pub fn finish(mut self, position: Position, recycled: Option<Picture>) -> Result<(Picture, Option<SpareBuffers>)> {
        debug_assert!(self.is_complete());
        let mut planes_in = recycled.map(|p| p.planes);
        loop {
            if let Some(mut c) = self.narrow.take() {
                match synthesise(&mut c, self.dc_prediction, &self.rects, self.sizes, self.depths, &mut planes_in) {
                    Ok(planes) => return Ok((Picture { picture_number: self.picture_number, planes }, Some(c.comps))),
                    Err(_) => self.widen()?,
                }
            } else {
                let mut c = self.wide.take().expect("one width is live");
                let limit = c.limit as u128;
                return match synthesise(&mut c, self.dc_prediction, &self.rects, self.sizes, self.depths, &mut planes_in) {
                    Ok(planes) => Ok((Picture { picture_number: self.picture_number, planes }, None)),
                    Err(value) => Err(Error::at(ErrorKind::CoefficientOverflow { value, limit }, position)),
                };
            }
        }
    }
}

/// What a slice decoder needs to walk a picture's slices without dividing: for each
/// component kind (`[0]` luma, `[1]` chroma) the padded size's quotient and remainder by the
/// slice counts, from which `floor(PW·sx / slices_x)` steps slice by slice; and per band
/// (bitstream order) the shifts from the padded size to the band's (`band width = PW >>
/// xshift`, so 13.5.6.2 `slice_left(sx) = floor(PW·sx / slices_x) >> xshift`) and its
/// quantisation matrix value. The RTL slice decoder's run-time parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SliceWalk {
    /// slices_x.
    pub slices_x: u64,
    /// slices_y.
    pub slices_y: u64,
    /// HQ slice_prefix_bytes (0 for LD).
    pub prefix_bytes: u64,
    /// HQ slice_size_scaler (1 for LD).
    pub size_scaler: u64,
    /// LD (13.5.3.2): slice_bytes_numerator and slice_bytes_denominator; `None` for HQ.
    pub low_delay: Option<(u64, u64)>,
    /// Per band: (width shift, height shift, quantisation matrix value).
    pub bands: Vec<(u32, u32, u64)>,
    /// Padded width / slices_x, luma and chroma.
    pub xq: [u64; 2],
    /// Padded width mod slices_x.
    pub xr: [u64; 2],
    /// Padded height / slices_y.
    pub yq: [u64; 2],
    /// Padded height mod slices_y.
    pub yr: [u64; 2],
}

impl SliceWalk {
    /// The walk of a picture with this sequence header and coding.
    pub fn new(seq: &SequenceHeader, coding: &PictureCoding) -> Self {
        let c = &seq.coding;
        let t = coding.transform;
        let (lw, lh) = t.padded_size(c.luma_width, c.luma_height);
        let (cw, ch) = t.padded_size(c.color_diff_width, c.color_diff_height);
        let bands = t
            .bands()
            .iter()
            .zip(&coding.quant_matrix)
            .map(|(&(level, _), &m)| ((lw / t.subband_width(level, c.luma_width)).trailing_zeros(), (lh / t.subband_height(level, c.luma_height)).trailing_zeros(), m))
            .collect();
        let (prefix_bytes, size_scaler, low_delay) = match coding.sizing {
            SliceSizing::HighQuality { prefix_bytes, size_scaler } => (prefix_bytes, size_scaler, None),
            SliceSizing::LowDelay { numerator, denominator } => (0, 1, Some((numerator, denominator))),
        };
        let (sx, sy) = (coding.slices_x, coding.slices_y);
        SliceWalk {
            slices_x: sx,
            slices_y: sy,
            prefix_bytes,
            size_scaler,
            low_delay,
            bands,
            xq: [lw as u64 / sx, cw as u64 / sx],
            xr: [lw as u64 % sx, cw as u64 % sx],
            yq: [lh as u64 / sy, ch as u64 / sy],
            yr: [lh as u64 % sy, ch as u64 % sy],
        }
    }
}

/// One dequantised coefficient as a slice decoder emits it: its component (0 = Y, 1 = C1,
/// 2 = C2), its band (bitstream order, 13.5.6.1), its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceCoefficient {
    /// Component: 0 Y, 1 C1, 2 C2.
    pub comp: u8,
    /// Band index in bitstream order (0 the DC band).
    pub band: u8,
    /// The dequantised value (13.3.1 `inverse_quant`).
    pub value: i64,
}

/// Every dequantised coefficient of a picture in the order the slices carry them: slice by
/// slice (raster order), in each slice (HQ, 13.5.4) Y's bands, then C1's, then C2's, or
/// (LD, 13.5.3) Y's bands, then per band C1 and C2 alternating; in each band its rows of the
/// slice top to bottom, each row left to right. `data` holds the picture's slices (the
/// bytes after its transform parameters; for a fragmented picture its fragments' slice bytes
/// one after another), and must hold all of them.
///
/// The specification of the RTL slice decoder's output stream
/// (`rtl/src/blocks/hq_slices.rs`), which its tests compare with; [`picture_from_slice_order`]
/// is its inverse.
pub fn slice_order_coefficients(seq: &SequenceHeader, coding: &PictureCoding, is_ld: bool, data: &[u8]) -> Result<Vec<SliceCoefficient>> {
    let mut asm = PictureAssembler::new(seq, coding.clone(), is_ld, false, 0, None);
    asm.widen()?;
    let count = coding.slice_count();
    if let Err(e) = decode_run(&asm.coding, is_ld, &asm.geometry, &asm.rects, asm.wide.as_mut().expect("widened"), data, 0, 0, count) {
        return Err(match e {
            RunError::Overflow { value, position } => Error::at(ErrorKind::CoefficientOverflow { value, limit: coef_limit::<i64>(&coding.transform) as u128 }, position),
            RunError::Stream(e) => e,
        });
    }
    let c = asm.wide.as_ref().expect("widened");
    let mut out = Vec::new();
    asm.slice_order(|comp, band, at| out.push(SliceCoefficient { comp: comp as u8, band: band as u8, value: c.comps[comp].data[at] }));
    Ok(out)
}

/// (13.4, 15) The picture whose coefficients are `values`, in the order
/// [`slice_order_coefficients`] gives (what the device's slice decoder writes): DC prediction
/// for LD pictures that use it, the inverse transform, clipping and offset — as the decoder
/// finishes a picture. `values` must hold exactly the picture's coefficients.
pub fn picture_from_slice_order(seq: &SequenceHeader, coding: &PictureCoding, is_ld: bool, dc_prediction: bool, picture_number: u32, values: &[i64]) -> Result<Picture> {
    let mut asm = PictureAssembler::new(seq, coding.clone(), is_ld, dc_prediction, picture_number, None);
    asm.widen()?;
    let mut c = asm.wide.take().expect("widened");
    let mut it = values.iter();
    let mut short = false;
    asm.slice_order(|comp, _, at| match it.next() {
        Some(&v) => c.comps[comp].data[at] = v,
        None => short = true,
    });
    if short || it.next().is_some() {
        return Err(Error::new(ErrorKind::BadValue { what: "coefficient count", value: values.len() as u64, why: "not the picture's number of coefficients" }));
    }
    asm.wide = Some(c);
    asm.slices_done = coding.slice_count();
    Ok(asm.finish(Position { byte: 0, bit: 7 }, None)?.0)
}

impl PictureAssembler<'_> {
    /// Calls `f(component, band, index)` for every coefficient in slice order (see
    /// [`slice_order_coefficients`]), `index` its place in the component's array.
    fn slice_order(&self, mut f: impl FnMut(usize, usize, usize)) {
        let bands = self.geometry[0].len();
        let groups: &[&[usize]] = if self.is_ld { &[&[0], &[1, 2]] } else { &[&[0], &[1], &[2]] };
        let strides = self.sizes.map(|(w, h)| self.coding.transform.padded_size(w, h).0);
        for n in 0..self.coding.slice_count() {
            let (sx, sy) = ((n % self.coding.slices_x) as usize, (n / self.coding.slices_x) as usize);
            for comps in groups {
                for b in 0..bands {
                    let g = &self.geometry[comps[0]][b];
                    let r = &self.rects[comps[0]][b];
                    for y in g.ys[sy] as usize..g.ys[sy + 1] as usize {
                        for x in g.xs[sx] as usize..g.xs[sx + 1] as usize {
                            for &comp in *comps {
                                f(comp, b, (r.y + y) * strides[comp] + r.x + x);
                            }
                        }
                    }
                }
            }
        }
    }
}

enum RunError {
    Overflow { value: u128, position: Position },
    Stream(Error),
}

impl From<Error> for RunError {
    fn from(e: Error) -> Self {
        RunError::Stream(e)
    }
}

/// Shared write access to the three components' coefficient arrays while slices decode in
/// parallel.
///
/// Each slice writes only its own rectangles: for every band, columns
/// `slice_left..slice_right` of rows `slice_top..slice_bottom` (13.5.6.2), which partition
/// the band, and the bands tile the array ([`band_rects`]). So no two slices ever touch the
/// same element, whatever the stream says: the geometry comes from the picture dimensions
/// and slice counts, not from slice data.
struct SharedCoeffs<T> {
    ptr: [*mut T; 3],
    len: [usize; 3],
    stride: [usize; 3],
    limit: u64,
}

// SAFETY: the pointers come from `&mut` borrows held for the lifetime of the value (see
// `SharedCoeffs::new`), and concurrent users write disjoint elements (see the type's docs);
// `T: Send` values may be written from any thread.
unsafe impl<T: Send> Send for SharedCoeffs<T> {}
// SAFETY: as above; shared references only hand out disjoint element ranges.
unsafe impl<T: Send> Sync for SharedCoeffs<T> {}

impl<T: Coef> SharedCoeffs<T> {
    fn new(c: &mut Coeffs<T>) -> Self {
        let [a, b, d] = &mut c.comps;
        SharedCoeffs {
            ptr: [a.data.as_mut_ptr(), b.data.as_mut_ptr(), d.data.as_mut_ptr()],
            len: [a.data.len(), b.data.len(), d.data.len()],
            stride: [a.width, b.width, d.width],
            limit: c.limit,
        }
    }

    /// Elements `start..start + n` of component `comp`.
    ///
    /// # Safety
    /// No other live slice returned by this value may overlap the range (guaranteed for
    /// ranges inside one slice's rectangles, see the type's docs).
    #[allow(clippy::mut_from_ref)]
    #[inline]
    unsafe fn range(&self, comp: usize, start: usize, n: usize) -> &mut [T] {
        // Bounds are checked unconditionally: memory safety never rests on the geometry.
        assert!(start + n <= self.len[comp], "slice rectangle outside its component");
        // SAFETY: in bounds (checked above) of an allocation borrowed mutably for our lifetime;
        // exclusivity is the caller's contract.
        unsafe { std::slice::from_raw_parts_mut(self.ptr[comp].add(start), n) }
    }
}

/// The bytes `count` consecutive slices from slice number `first` occupy at the start of
/// `data` (whose first byte is at stream offset `base`), each checked to lie inside it.
pub fn slice_bytes_used(coding: &PictureCoding, is_ld: bool, data: &[u8], base: u64, first: u64, count: u64) -> Result<usize> {
    Ok(slice_extents(coding, is_ld, data, base, first, count)?.last().map_or(0, |e| e.1))
}

/// Byte extents (start, end) within `data` of `count` consecutive slices, checking that
/// each lies inside the data unit. Slices then decode independently.
fn slice_extents(coding: &PictureCoding, is_ld: bool, data: &[u8], base: u64, first: u64, count: u64) -> Result<Vec<(usize, usize)>> {
    let mut v = Vec::with_capacity(count as usize);
    let mut pos = 0usize;
    let end_err = |at: usize, what| Error::at(ErrorKind::UnexpectedEnd(what), Position { byte: base + at as u64, bit: 7 });
    for n in first..first + count {
        let len = if is_ld {
            let bytes = coding.ld_slice_bytes(n);
            if bytes > (data.len() - pos) as u64 {
                return Err(end_err(pos, "low-delay slice (slice_bytes past the end of the data unit)"));
            }
            bytes as usize
        } else {
            let SliceSizing::HighQuality { prefix_bytes, size_scaler } = coding.sizing else { unreachable!("HQ sizing") };
            let mut off = prefix_bytes.saturating_add(1);
            for _ in 0..3 {
                if off >= (data.len() - pos) as u64 {
                    return Err(end_err(pos + off.min((data.len() - pos) as u64) as usize, "high-quality slice header"));
                }
                let length = size_scaler.saturating_mul(data[pos + off as usize] as u64);
                off = off + 1 + length;
                if off > (data.len() - pos) as u64 {
                    return Err(end_err(pos, "high-quality slice component (its length runs past the end of the data unit)"));
                }
            }
            off as usize
        };
        v.push((pos, pos + len));
        pos += len;
    }
    Ok(v)
}

/// Decodes a run of consecutive slices into `c`, in parallel (rayon's current pool).
/// Returns the bytes they occupied. The error reported is that of the earliest failing slice.
#[allow(clippy::too_many_arguments)]
fn decode_run<T: Coef>(
    coding: &PictureCoding,
    is_ld: bool,
    geometry: &[Vec<BandGeometry>; 3],
    rects: &[Vec<BandRect>; 3],
    c: &mut Coeffs<T>,
    data: &[u8],
    base: u64,
    first: u64,
    count: u64,
) -> std::result::Result<usize, RunError> {
    use rayon::prelude::*;
    let extents = slice_extents(coding, is_ld, data, base, first, count)?;
    let used = extents.last().map_or(0, |e| e.1);
    if first == 0 {
        // A new picture: zero coefficients are skipped, not written, so clear reused buffers.
        for comp in c.comps.iter_mut() {
            comp.data.par_chunks_mut(1 << 16).for_each(|ch| ch.fill(T::default()));
        }
    }
    let shared = SharedCoeffs::new(c);
    let results: Vec<std::result::Result<(), RunError>> = extents
        .par_iter()
        .enumerate()
        .with_min_len(16)
        .map(|(i, &(start, end))| {
            let n = first + i as u64;
            let (sx, sy) = ((n % coding.slices_x) as usize, (n / coding.slices_x) as usize);
            let slice = &data[start..end];
            let at = base + start as u64;
            if is_ld {
                ld_slice(coding, geometry, rects, &shared, slice, at, sx, sy)
            } else {
                hq_slice(coding, geometry, rects, &shared, slice, at, sx, sy)
            }
        })
        .collect();
    for r in results {
        r?;
    }
    Ok(used)
}

/// (13.5.3.1) `slice_quantizers`: the quantisation index of each band for a slice.
/// `qindex` is at most 255 (a byte in HQ, 7 bits in LD), so every band's index is too.
fn slice_quantizers(qindex: u64, quant_matrix: &[u64]) -> [&'static Dequantiser; MAX_BANDS] {
    let mut q = [Dequantiser::for_index(0); MAX_BANDS];
    for (d, &m) in q.iter_mut().zip(quant_matrix) {
        *d = Dequantiser::for_index(qindex.saturating_sub(m).min(255) as u8);
    }
    q
}

/// Most bands a transform of [`MAX_LEVELS`] levels has (all 2-D: 1 + 3 per level).
const MAX_BANDS: usize = 1 + 3 * MAX_LEVELS as usize;

/// (13.5.3) `ld_slice`: `slice` holds exactly the slice's `slice_bytes`, at stream offset `at`.
#[allow(clippy::too_many_arguments)]
fn ld_slice<T: Coef>(
    coding: &PictureCoding,
    geometry: &[Vec<BandGeometry>; 3],
    rects: &[Vec<BandRect>; 3],
    c: &SharedCoeffs<T>,
    slice: &[u8],
    at: u64,
    sx: usize,
    sy: usize,
) -> std::result::Result<(), RunError> {
    let bytes = slice.len() as u64;
    let mut r = BitReader::new(slice, at);
    let total_bits = 8 * bytes;
    let qindex = r.read_nbits(7, "qindex")?;
    let length_bits = intlog2(8 * bytes - 7);
    let slice_y_length = r.read_nbits(length_bits, "slice_y_length")?;
    let header_bits = 7 + length_bits as u64;
    if slice_y_length > total_bits - header_bits {
        return Err(Error::at(
            ErrorKind::BadValue { what: "slice_y_length", value: slice_y_length, why: "longer than the slice" },
            r.position(),
        )
        .into());
    }
    let deq = slice_quantizers(qindex, &coding.quant_matrix);
    let mut y = BlockReader::new(slice, header_bits, slice_y_length);
    for (b, g) in geometry[0].iter().enumerate() {
        slice_band(&mut y, c, 0, &rects[0][b], g, sx, sy, deq[b], at)?;
    }
    let cstart = header_bits + slice_y_length;
    let mut uv = BlockReader::new(slice, cstart, total_bits - cstart);
    for (b, g) in geometry[1].iter().enumerate() {
        color_diff_slice_band(&mut uv, c, &rects[1][b], g, sx, sy, deq[b], at)?;
    }
    Ok(())
}

/// (13.5.4) `hq_slice`: `slice` holds exactly the slice (extents checked by
/// [`slice_extents`]), at stream offset `at`.
#[allow(clippy::too_many_arguments)]
fn hq_slice<T: Coef>(
    coding: &PictureCoding,
    geometry: &[Vec<BandGeometry>; 3],
    rects: &[Vec<BandRect>; 3],
    c: &SharedCoeffs<T>,
    slice: &[u8],
    at: u64,
    sx: usize,
    sy: usize,
) -> std::result::Result<(), RunError> {
    let SliceSizing::HighQuality { prefix_bytes, size_scaler } = coding.sizing else {
        unreachable!("hq_slice is only called for HQ pictures")
    };
    let mut off = prefix_bytes as usize;
    let qindex = slice[off] as u64;
    off += 1;
    let deq = slice_quantizers(qindex, &coding.quant_matrix);
    for comp in 0..3 {
        let length = (size_scaler * slice[off] as u64) as usize;
        off += 1;
        let mut br = BlockReader::new(&slice[off..off + length], 0, 8 * length as u64);
        for (b, g) in geometry[comp].iter().enumerate() {
            slice_band(&mut br, c, comp, &rects[comp][b], g, sx, sy, deq[b], at + off as u64)?;
        }
        off += length;
    }
    Ok(())
}

/// Signed exp-Golomb codes of at most 8 bits, decoded by their first 8 bits: entry
/// `(value << 8) | length`, or 0 when the code is longer (|value| > 14).
const SHORT_CODES: [i32; 256] = {
    let mut t = [0i32; 256];
    let mut v: i32 = 0;
    while v <= 14 {
        // Code of v: bits of v+1 after its leading 1, each preceded by a 0; a 1; a sign bit.
        let x = (v + 1) as u32;
        let n = 31 - x.leading_zeros();
        let mut code: u32 = 0;
        let mut len: u32 = 0;
        let mut i = n;
        while i > 0 {
            i -= 1;
            code = (code << 2) | ((x >> i) & 1);
            len += 2;
        }
        code = (code << 1) | 1;
        len += 1;
        let signs = if v == 0 { 1 } else { 2 };
        let mut sgn = 0;
        while sgn < signs {
            let (c, l) = if v == 0 { (code, len) } else { ((code << 1) | sgn, len + 1) };
            let value = if sgn == 1 { -v } else { v };
            // Every 8-bit index starting with this code.
            let free = 8 - l;
            let mut rest = 0;
            while rest < (1 << free) {
                t[((c << free) | rest) as usize] = (value << 8) | l as i32;
                rest += 1;
            }
            sgn += 1;
        }
        v += 1;
    }
    t
};

/// (A.4.4) `read_sintb`, fast: codes of up to 8 bits by table, up to 56 bits from one 64-bit
/// peek, longer ones bit by bit. Returns (magnitude, negative).
#[inline(always)]
fn read_sintb(b: &mut BlockReader<'_>, block_base: u64) -> std::result::Result<(u64, bool), RunError> {
    let w = b.peek();
    let e = SHORT_CODES[(w >> 56) as usize];
    if e != 0 {
        b.consume((e & 0xff) as u32);
        let v = e >> 8;
        return Ok((v.unsigned_abs() as u64, v < 0));
    }
    // Continuation flags sit at even bit positions (counted from the MSB), data bits at odd.
    // Only the guaranteed bits of the peek are used; longer codes go bit by bit below.
    let flags = w & 0xAAAA_AAAA_AAAA_AAAA & !(u64::MAX >> (BlockReader::PEEK_BITS - 2));
    if flags != 0 {
        let p = flags.leading_zeros(); // position of the stop bit, even, >= 2, sign within the valid bits
        let mut v: u64 = 1;
        let mut k = 1;
        while k < p {
            v = (v << 1) | ((w >> (63 - k)) & 1);
            k += 2;
        }
        let v = v - 1;
        if v == 0 {
            b.consume(p + 1);
            return Ok((0, false));
        }
        let neg = (w >> (63 - (p + 1))) & 1 == 1;
        b.consume(p + 2);
        return Ok((v, neg));
    }
    // Longer than 63 bits: the standard's bit-by-bit form, refusing values over 64 bits.
    let mut v: u64 = 1;
    while b.read_bitb() == 0 {
        if v >> 63 != 0 {
            return Err(Error::at(ErrorKind::ValueTooLong("slice coefficient"), Position { byte: block_base, bit: 7 }).into());
        }
        v = (v << 1) | b.read_bitb() as u64;
    }
    let v = v - 1;
    if v == 0 {
        return Ok((0, false));
    }
    Ok((v, b.read_bitb() == 1))
}

/// (13.5.6.3) `slice_band`: reads one band's coefficients of a slice and dequantises them
/// into the band's rectangle `r` of component `comp`, which starts zeroed.
#[allow(clippy::too_many_arguments)]
#[inline]
fn slice_band<T: Coef>(
    b: &mut BlockReader<'_>,
    c: &SharedCoeffs<T>,
    comp: usize,
    r: &BandRect,
    g: &BandGeometry,
    sx: usize,
    sy: usize,
    deq: &Dequantiser,
    block_base: u64,
) -> std::result::Result<(), RunError> {
    let (x1, x2) = (g.xs[sx] as usize, g.xs[sx + 1] as usize);
    let (y1, y2) = (g.ys[sy] as usize, g.ys[sy + 1] as usize);
    let stride = c.stride[comp];
    for y in y1..y2 {
        // SAFETY: this slice's own rectangle of this band (see `SharedCoeffs`).
        let row = unsafe { c.range(comp, (r.y + y) * stride + r.x + x1, x2 - x1) };
        let mut x = 0;
        while x < row.len() {
            let w = b.peek();
            // A run of 1 bits is a run of zero coefficients (the buffer starts zeroed).
            let ones = w.leading_ones() as usize;
            if ones > 0 {
                let n = ones.min(row.len() - x);
                b.consume(n as u32);
                x += n;
                continue;
            }
            // Short codes: value by table, magnitude by the dequantiser's table.
            let e = SHORT_CODES[(w >> 56) as usize];
            if e != 0 {
                b.consume((e & 0xff) as u32);
                let v = e >> 8;
                row[x] = signed_within(deq.small[v.unsigned_abs() as usize] as u128, v < 0, c.limit, block_base)?;
                x += 1;
                continue;
            }
            let (m, neg) = read_sintb(b, block_base)?;
            row[x] = dequantise(m, neg, deq, c.limit, block_base)?;
            x += 1;
        }
    }
    Ok(())
}

/// (13.5.6.4) `color_diff_slice_band`: C1 and C2 coefficients interleaved.
#[allow(clippy::too_many_arguments)]
#[inline]
fn color_diff_slice_band<T: Coef>(
    b: &mut BlockReader<'_>,
    c: &SharedCoeffs<T>,
    r: &BandRect,
    g: &BandGeometry,
    sx: usize,
    sy: usize,
    deq: &Dequantiser,
    block_base: u64,
) -> std::result::Result<(), RunError> {
    let (x1, x2) = (g.xs[sx] as usize, g.xs[sx + 1] as usize);
    let (y1, y2) = (g.ys[sy] as usize, g.ys[sy + 1] as usize);
    let stride = c.stride[1];
    for y in y1..y2 {
        let o = (r.y + y) * stride + r.x + x1;
        // SAFETY: this slice's own rectangle of this band in C1 and in C2 (see `SharedCoeffs`).
        let (c1, c2) = unsafe { (c.range(1, o, x2 - x1), c.range(2, o, x2 - x1)) };
        for (a, d) in c1.iter_mut().zip(c2.iter_mut()) {
            let (m, neg) = read_sintb(b, block_base)?;
            *a = dequantise(m, neg, deq, c.limit, block_base)?;
            let (m, neg) = read_sintb(b, block_base)?;
            *d = dequantise(m, neg, deq, c.limit, block_base)?;
        }
    }
    Ok(())
}

/// (13.3.1) `inverse_quant`, refusing magnitudes the transform cannot compute in `T`.
#[inline(always)]
fn dequantise<T: Coef>(m: u64, neg: bool, deq: &Dequantiser, limit: u64, block_base: u64) -> std::result::Result<T, RunError> {
    if m == 0 {
        return Ok(T::default());
    }
    signed_within(deq.magnitude(m), neg, limit, block_base)
}

/// A dequantised magnitude with its sign as `T`, or an overflow if it exceeds `limit`.
#[inline(always)]
fn signed_within<T: Coef>(mag: u128, neg: bool, limit: u64, block_base: u64) -> std::result::Result<T, RunError> {
    if mag > limit as u128 {
        return Err(RunError::Overflow { value: mag, position: Position { byte: block_base, bit: 7 } });
    }
    let v = mag as i64;
    Ok(T::from_i64(if neg { -v } else { v }))
}

/// (13.4) `dc_prediction` on the DC band (rectangle `r`), checked against the limit.
fn dc_prediction<T: Coef>(c: &mut Coefficients<T>, r: &BandRect, limit: u64) -> std::result::Result<(), u128> {
    let s = c.width;
    let d = &mut c.data;
    for y in 0..r.height {
        for x in 0..r.width {
            let at = |yy: usize, xx: usize| d[(r.y + yy) * s + r.x + xx].to_i64();
            let pred = if x > 0 && y > 0 {
                mean3(at(y, x - 1), at(y - 1, x - 1), at(y - 1, x))
            } else if x > 0 {
                at(0, x - 1)
            } else if y > 0 {
                at(y - 1, 0)
            } else {
                0
            };
            let v = at(y, x) + pred;
            if v.unsigned_abs() > limit {
                return Err(v.unsigned_abs() as u128);
            }
            d[(r.y + y) * s + r.x + x] = T::from_i64(v);
        }
    }
    Ok(())
}

/// DC prediction, inverse transform, pad removal, clipping and offset of all three
/// components. Fails (with the offending magnitude) only if DC prediction leaves the range.
fn synthesise<T: Coef>(
    c: &mut Coeffs<T>,
    dc_pred: bool,
    rects: &[Vec<BandRect>; 3],
    sizes: [(usize, usize); 3],
    depths: [u32; 3],
    recycled: &mut Option<[Plane; 3]>,
) -> std::result::Result<[Plane; 3], u128> {
    if dc_pred {
        for (comp, r) in c.comps.iter_mut().zip(rects) {
            dc_prediction(comp, &r[0], c.limit)?;
        }
    }
    let mut old: Vec<Option<Plane>> = match recycled.take() {
        Some(p) => p.into_iter().map(Some).collect(),
        None => vec![None, None, None],
    };
    let mut bufs: Vec<Vec<u16>> =
        old.iter_mut().zip(sizes).map(|(o, (w, h))| o.take().filter(|p| p.data.len() == w * h).map(|p| p.data).unwrap_or_else(|| vec![0u16; w * h])).collect();
    // Components synthesise in parallel (each one's last level is a single streaming pass).
    use rayon::prelude::*;
    c.comps.par_iter_mut().zip(bufs.par_iter_mut()).zip(sizes.par_iter().zip(depths.par_iter())).for_each(|((comp, buf), (&(w, h), &depth))| {
        comp.synthesise_to_samples(buf, w, h, depth);
    });
    let planes: Vec<Plane> = bufs.into_iter().zip(sizes).zip(depths).map(|((data, (width, height)), depth)| Plane { width, height, depth, data }).collect();
    Ok(planes.try_into().expect("three planes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table agrees with the bit-by-bit definition for every 8-bit prefix.
    #[test]
    fn short_code_table_matches_bitwise_decoding() {
        for idx in 0..256u32 {
            let data = [idx as u8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
            let mut b = BlockReader::new(&data, 0, 72);
            // Reference: the standard's read_sintb bit by bit.
            let mut v: u64 = 1;
            while b.read_bitb() == 0 {
                v = (v << 1) | b.read_bitb() as u64;
            }
            let mut v = v as i64 - 1;
            if v != 0 && b.read_bitb() == 1 {
                v = -v;
            }
            let used = 72 - b.bits_left();
            let e = SHORT_CODES[idx as usize];
            if used <= 8 {
                assert_eq!((e >> 8, (e & 0xff) as u64), (v as i32, used), "prefix {idx:08b}");
            } else {
                assert_eq!(e, 0, "prefix {idx:08b}");
            }
        }
    }
}
