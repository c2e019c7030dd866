//! Picture files: YUV4MPEG2 (Y4M) and raw planar.
pub mod raw;
pub mod y4m;
