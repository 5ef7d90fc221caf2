//! A CPU rasterizer for epaint's tessellated output, so a PNG can be drawn with no GPU and no
//! display. It does what egui's glow painter does: triangles with per-vertex colour times a
//! texture sample, premultiplied alpha blended in gamma space, scissored by each primitive's
//! clip rectangle. Anti-aliasing needs nothing extra: epaint feathers edges in the geometry.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, ImageData, Pos2, TextureFilter, TextureId, TextureOptions, TextureWrapMode};
use image::RgbaImage;

struct Texture {
    size: [usize; 2],
    pixels: Vec<Color32>,
    options: TextureOptions,
}

/// The textures egui has uploaded so far; feed it every pass's delta, in order.
#[derive(Default)]
pub struct Rasterizer {
    textures: HashMap<TextureId, Texture>,
}

impl Rasterizer {
    /// Applies one pass's texture changes (the font atlas arrives whole in the first pass, then
    /// as patches when new glyphs are needed) and empties the delta.
    pub fn apply(&mut self, delta: &mut egui::TexturesDelta) {
        // The map's order across textures does not matter; within one texture it is kept.
        #[expect(clippy::iter_over_hash_type, reason = "textures are independent")]
        for (id, deltas) in delta.set.drain() {
            for d in deltas {
                let ImageData::Color(image) = &d.image;
                match d.pos {
                    None => {
                        self.textures.insert(
                            id,
                            Texture {
                                size: image.size,
                                pixels: image.pixels.clone(),
                                options: d.options,
                            },
                        );
                    }
                    Some([x0, y0]) => {
                        let Some(texture) = self.textures.get_mut(&id) else {
                            continue;
                        };
                        let [w, h] = image.size;
                        for y in 0..h.min(texture.size[1].saturating_sub(y0)) {
                            for x in 0..w.min(texture.size[0].saturating_sub(x0)) {
                                texture.pixels[(y0 + y) * texture.size[0] + x0 + x] =
                                    image.pixels[y * w + x];
                            }
                        }
                    }
                }
            }
        }
        #[expect(clippy::iter_over_hash_type, reason = "order of removal is irrelevant")]
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }

    /// Draws `primitives` (positions in points) onto an image of `size_px` filled with
    /// `background`.
    #[must_use]
    pub fn paint(
        &self,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
        size_px: [u32; 2],
        background: Color32,
    ) -> RgbaImage {
        let mut canvas = Canvas {
            width: size_px[0] as usize,
            height: size_px[1] as usize,
            pixels: vec![background.to_array(); size_px[0] as usize * size_px[1] as usize],
        };
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                // Paint callbacks need a GPU; Dateline draws none.
                continue;
            };
            let Some(texture) = self.textures.get(&mesh.texture_id) else {
                continue;
            };
            let clip = ClipPx::new(primitive.clip_rect, pixels_per_point, &canvas);
            for tri in mesh.indices.chunks_exact(3) {
                let corner = |i: u32| mesh.vertices.get(i as usize).copied();
                if let (Some(a), Some(b), Some(c)) =
                    (corner(tri[0]), corner(tri[1]), corner(tri[2]))
                {
                    canvas.triangle([a, b, c], pixels_per_point, clip, texture);
                }
            }
        }
        let bytes = canvas.pixels.into_iter().flatten().collect();
        RgbaImage::from_raw(size_px[0], size_px[1], bytes).unwrap_or_default()
    }
}

/// The clip rectangle in whole pixels, already cut to the canvas: `[x0, x1) × [y0, y1)`.
#[derive(Clone, Copy)]
struct ClipPx {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

impl ClipPx {
    fn new(rect: egui::Rect, ppp: f32, canvas: &Canvas) -> Self {
        // Rounded like the GL scissor egui_glow sets.
        let px = |v: f32, max: usize| ((v * ppp).round().max(0.0) as usize).min(max);
        Self {
            x0: px(rect.min.x, canvas.width),
            y0: px(rect.min.y, canvas.height),
            x1: px(rect.max.x, canvas.width),
            y1: px(rect.max.y, canvas.height),
        }
    }
}

struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<[u8; 4]>,
}

impl Canvas {
    fn triangle(&mut self, v: [Vertex; 3], ppp: f32, clip: ClipPx, texture: &Texture) {
        let p = v.map(|v| Pos2::new(v.pos.x * ppp, v.pos.y * ppp));
        let mut area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-9 {
            return;
        }
        // Edge k is opposite vertex k. Orient every triangle the same way so the top-left
        // rule below gives a pixel on a shared edge to exactly one of the two triangles.
        let (p, v) = if area < 0.0 {
            area = -area;
            ([p[0], p[2], p[1]], [v[0], v[2], v[1]])
        } else {
            (p, v)
        };
        let edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])];
        let owns_ties = edges.map(|(a, b)| {
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            dy < 0.0 || (dy == 0.0 && dx > 0.0)
        });

        let min_x = p.iter().map(|q| q.x).fold(f32::MAX, f32::min);
        let max_x = p.iter().map(|q| q.x).fold(f32::MIN, f32::max);
        let min_y = p.iter().map(|q| q.y).fold(f32::MAX, f32::min);
        let max_y = p.iter().map(|q| q.y).fold(f32::MIN, f32::max);
        // Pixel centres at i + 0.5 inside [min, max].
        let first = |lo: f32, clip_lo: usize| ((lo - 0.5).ceil().max(0.0) as usize).max(clip_lo);
        let last =
            |hi: f32, clip_hi: usize| (((hi - 0.5).floor() + 1.0).max(0.0) as usize).min(clip_hi);
        let (x0, x1) = (first(min_x, clip.x0), last(max_x, clip.x1));
        let (y0, y1) = (first(min_y, clip.y0), last(max_y, clip.y1));
        if x0 >= x1 || y0 >= y1 {
            return;
        }

        let colors = v.map(|v| v.color.to_array().map(|c| f32::from(c) / 255.0));
        let same_uv = v[0].uv == v[1].uv && v[1].uv == v[2].uv;
        let constant_texel = same_uv.then(|| texture.sample(v[0].uv));
        let same_color = v[0].color == v[1].color && v[1].color == v[2].color;

        for y in y0..y1 {
            let py = y as f32 + 0.5;
            for x in x0..x1 {
                let q = Pos2::new(x as f32 + 0.5, py);
                let mut w = [0.0f32; 3];
                let mut inside = true;
                for (k, &(a, b)) in edges.iter().enumerate() {
                    w[k] = edge(a, b, q);
                    if w[k] < 0.0 || (w[k] == 0.0 && !owns_ties[k]) {
                        inside = false;
                        break;
                    }
                }
                if !inside {
                    continue;
                }
                let l = w.map(|w| w / area);
                let color = if same_color {
                    colors[0]
                } else {
                    std::array::from_fn(|c| {
                        l[0] * colors[0][c] + l[1] * colors[1][c] + l[2] * colors[2][c]
                    })
                };
                let texel = constant_texel.unwrap_or_else(|| {
                    texture.sample(Pos2::new(
                        l[0] * v[0].uv.x + l[1] * v[1].uv.x + l[2] * v[2].uv.x,
                        l[0] * v[0].uv.y + l[1] * v[1].uv.y + l[2] * v[2].uv.y,
                    ))
                });
                let src: [f32; 4] = std::array::from_fn(|c| color[c] * texel[c]);
                blend(&mut self.pixels[y * self.width + x], src);
            }
        }
    }
}

/// Twice the signed area of (a, b, q): positive when q is on the left of a→b (y down).
fn edge(a: Pos2, b: Pos2, q: Pos2) -> f32 {
    (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x)
}

/// Premultiplied "over": `dst = src + dst·(1 − src.a)`, in gamma space like egui's painters.
fn blend(dst: &mut [u8; 4], src: [f32; 4]) {
    let keep = 1.0 - src[3];
    for c in 0..4 {
        let value = src[c] * 255.0 + f32::from(dst[c]) * keep;
        dst[c] = value.round().clamp(0.0, 255.0) as u8;
    }
}

impl Texture {
    /// The texel at normalised `uv`, as premultiplied 0..1 floats.
    fn sample(&self, uv: Pos2) -> [f32; 4] {
        let [w, h] = self.size;
        if w == 0 || h == 0 {
            return [0.0; 4];
        }
        let x = uv.x * w as f32 - 0.5;
        let y = uv.y * h as f32 - 0.5;
        let fetch = |xi: i64, yi: i64| {
            let xi = wrap(xi, w, self.options.wrap_mode);
            let yi = wrap(yi, h, self.options.wrap_mode);
            self.pixels[yi * w + xi]
                .to_array()
                .map(|c| f32::from(c) / 255.0)
        };
        match self.options.magnification {
            TextureFilter::Nearest => fetch((x + 0.5).floor() as i64, (y + 0.5).floor() as i64),
            TextureFilter::Linear => {
                let (fx, fy) = (x.floor(), y.floor());
                let (tx, ty) = (x - fx, y - fy);
                let (xi, yi) = (fx as i64, fy as i64);
                let (a, b) = (fetch(xi, yi), fetch(xi + 1, yi));
                let (c, d) = (fetch(xi, yi + 1), fetch(xi + 1, yi + 1));
                std::array::from_fn(|k| {
                    let top = a[k] + (b[k] - a[k]) * tx;
                    let bottom = c[k] + (d[k] - c[k]) * tx;
                    top + (bottom - top) * ty
                })
            }
        }
    }
}

fn wrap(i: i64, n: usize, mode: TextureWrapMode) -> usize {
    let n = n as i64;
    let i = match mode {
        TextureWrapMode::ClampToEdge => i.clamp(0, n - 1),
        TextureWrapMode::Repeat => i.rem_euclid(n),
        TextureWrapMode::MirroredRepeat => {
            let period = i.rem_euclid(2 * n);
            if period < n {
                period
            } else {
                2 * n - 1 - period
            }
        }
    };
    i as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, TextureId};
    use egui::{Rect, pos2};

    const WHITE: Color32 = Color32::WHITE;

    fn solid(size: [usize; 2], color: Color32) -> Rasterizer {
        let mut r = Rasterizer::default();
        let mut delta = egui::TexturesDelta::default();
        delta.set.insert(
            TextureId::Managed(0),
            [egui::epaint::ImageDelta::full(
                egui::ColorImage::new(size, vec![color; size[0] * size[1]]),
                TextureOptions::LINEAR,
            )]
            .into_iter()
            .collect(),
        );
        r.apply(&mut delta);
        r
    }

    fn mesh(points: &[(Pos2, Color32)], indices: Vec<u32>) -> Mesh {
        Mesh {
            indices,
            vertices: points
                .iter()
                .map(|&(pos, color)| Vertex {
                    pos,
                    uv: egui::epaint::WHITE_UV,
                    color,
                })
                .collect(),
            texture_id: TextureId::Managed(0),
        }
    }

    fn clipped(mesh: Mesh, clip: Rect) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect: clip,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn everything() -> Rect {
        Rect::from_min_max(pos2(-1e4, -1e4), pos2(1e4, 1e4))
    }

    fn painted(img: &RgbaImage, background: [u8; 4]) -> usize {
        img.pixels().filter(|p| p.0 != background).count()
    }

    #[test]
    fn a_triangle_covers_the_pixels_whose_centres_it_contains() {
        let r = solid([1, 1], WHITE);
        let red = Color32::from_rgb(255, 0, 0);
        let tri = mesh(
            &[
                (pos2(0.0, 0.0), red),
                (pos2(10.0, 0.0), red),
                (pos2(0.0, 10.0), red),
            ],
            vec![0, 1, 2],
        );
        let img = r.paint(&[clipped(tri, everything())], 1.0, [10, 10], Color32::BLACK);
        // Centres (x+.5, y+.5) with x + y + 1 < 10, plus the nine on the hypotenuse that the
        // top-left rule gives to this triangle or not; either way 45..=55.
        let n = painted(&img, [0, 0, 0, 255]);
        assert!((45..=55).contains(&n), "{n} pixels");
        assert_eq!(img.get_pixel(0, 0).0, [255, 0, 0, 255]);
        assert_eq!(img.get_pixel(9, 9).0, [0, 0, 0, 255]);
        assert_eq!(img.get_pixel(2, 8).0, [0, 0, 0, 255]);
    }

    #[test]
    fn two_triangles_sharing_an_edge_paint_each_pixel_once() {
        let r = solid([1, 1], WHITE);
        // Half-transparent white: a pixel painted twice would come out brighter.
        let c = Color32::from_rgba_premultiplied(128, 128, 128, 128);
        let quad = mesh(
            &[
                (pos2(0.0, 0.0), c),
                (pos2(8.0, 0.0), c),
                (pos2(8.0, 8.0), c),
                (pos2(0.0, 8.0), c),
            ],
            vec![0, 1, 2, 0, 2, 3],
        );
        let img = r.paint(&[clipped(quad, everything())], 1.0, [8, 8], Color32::BLACK);
        assert!(img.pixels().all(|p| p.0 == [128, 128, 128, 255]));
    }

    #[test]
    fn premultiplied_alpha_blends_over_the_background() {
        let r = solid([1, 1], WHITE);
        // 50 % red, premultiplied, over white.
        let c = Color32::from_rgba_premultiplied(128, 0, 0, 128);
        let quad = mesh(
            &[
                (pos2(0.0, 0.0), c),
                (pos2(4.0, 0.0), c),
                (pos2(4.0, 4.0), c),
                (pos2(0.0, 4.0), c),
            ],
            vec![0, 1, 2, 0, 2, 3],
        );
        let img = r.paint(&[clipped(quad, everything())], 1.0, [4, 4], WHITE);
        assert_eq!(img.get_pixel(1, 1).0, [255, 127, 127, 255]);
    }

    #[test]
    fn clip_rect_limits_what_is_painted() {
        let r = solid([1, 1], WHITE);
        let blue = Color32::from_rgb(0, 0, 255);
        let quad = mesh(
            &[
                (pos2(0.0, 0.0), blue),
                (pos2(10.0, 0.0), blue),
                (pos2(10.0, 10.0), blue),
                (pos2(0.0, 10.0), blue),
            ],
            vec![0, 1, 2, 0, 2, 3],
        );
        // Clip in points at 2 pixels per point: pixels 4..12 on both axes.
        let clip = Rect::from_min_max(pos2(2.0, 2.0), pos2(6.0, 6.0));
        let img = r.paint(&[clipped(quad, clip)], 2.0, [20, 20], Color32::BLACK);
        assert_eq!(painted(&img, [0, 0, 0, 255]), 64);
        assert_eq!(img.get_pixel(4, 4).0, [0, 0, 255, 255]);
        assert_eq!(img.get_pixel(3, 4).0, [0, 0, 0, 255]);
        assert_eq!(img.get_pixel(12, 11).0, [0, 0, 0, 255]);
    }

    #[test]
    fn textures_are_sampled_at_the_interpolated_uv() {
        // A 2×1 texture, black | white, nearest filtering: the left half of a quad mapping
        // uv 0..1 comes out black, the right half white.
        let mut r = Rasterizer::default();
        let mut delta = egui::TexturesDelta::default();
        delta.set.insert(
            TextureId::Managed(0),
            [egui::epaint::ImageDelta::full(
                egui::ColorImage::new([2, 1], vec![Color32::BLACK, WHITE]),
                TextureOptions::NEAREST,
            )]
            .into_iter()
            .collect(),
        );
        r.apply(&mut delta);
        let mut quad = Mesh::with_texture(TextureId::Managed(0));
        quad.add_rect_with_uv(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 2.0)),
            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            WHITE,
        );
        let img = r.paint(&[clipped(quad, everything())], 1.0, [8, 2], Color32::RED);
        assert_eq!(img.get_pixel(1, 1).0, [0, 0, 0, 255]);
        assert_eq!(img.get_pixel(6, 0).0, [255, 255, 255, 255]);
    }

    #[test]
    fn a_glyph_from_the_font_atlas_is_drawn_where_egui_laid_it_out() {
        let ctx = egui::Context::default();
        let mut rasterizer = Rasterizer::default();
        let raw = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(64.0, 64.0))),
            ..Default::default()
        };
        let mut rect = Rect::NOTHING;
        let mut output = egui::FullOutput::default();
        // Two passes: the first uploads the font atlas, the second draws with it.
        for _ in 0..2 {
            output = ctx.run_ui(raw.clone(), |ui| {
                ui.visuals_mut().override_text_color = Some(Color32::BLACK);
                let galley = ui.painter().layout_no_wrap(
                    "O".into(),
                    egui::FontId::proportional(40.0),
                    Color32::BLACK,
                );
                rect = Rect::from_min_size(pos2(10.0, 10.0), galley.size());
                ui.painter().galley(rect.min, galley, Color32::BLACK);
            });
            rasterizer.apply(&mut output.textures_delta);
        }
        let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), 1.0);
        let img = rasterizer.paint(&primitives, 1.0, [64, 64], WHITE);
        let dark = |x: u32, y: u32| img.get_pixel(x, y).0[0] < 128;
        let inside = (0..64)
            .flat_map(|y| (0..64).map(move |x| (x, y)))
            .filter(|&(x, y)| dark(x, y))
            .collect::<Vec<_>>();
        assert!(inside.len() > 40, "only {} dark pixels", inside.len());
        assert!(
            inside
                .iter()
                .all(|&(x, y)| rect.expand(1.0).contains(pos2(x as f32, y as f32))),
            "ink outside the glyph's box"
        );
        // An "O" is a ring: the middle of its ink is paper.
        let (xs, ys): (Vec<u32>, Vec<u32>) = inside.iter().copied().unzip();
        let (x0, x1) = (xs.iter().min().copied(), xs.iter().max().copied());
        let (y0, y1) = (ys.iter().min().copied(), ys.iter().max().copied());
        if let (Some(x0), Some(x1), Some(y0), Some(y1)) = (x0, x1, y0, y1) {
            assert!(!dark(u32::midpoint(x0, x1), u32::midpoint(y0, y1)));
            assert!(dark(x0 + 1, u32::midpoint(y0, y1)));
        }
    }
}
