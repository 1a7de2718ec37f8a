//! The `polygons` argument in, the answers out: what every search function of this wheel shares.
//!
//! Python's `find_close_polygons` accepts anything a `for` loop accepts, so these helpers do too (through
//! `py_glue::args::for_each_item`). Each item is checked with its position, so a refused item can be named
//! (`polygons[3] must be a poly_match_rs.Polygon, not dict`). The answers of a search (indices) become the
//! caller's own objects: the same Polygon instances, the caller's rows of `points`.

use poly_core::CenterArea;
use poly_core::search::PARALLEL_MIN_POINTS;
use py_glue::{Plan, args};
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::sync::atomic::AtomicBool;

use crate::polygon::Polygon;

/// Searches of more than this many distance tests (points × polygons, an upper bound) are watched for
/// Ctrl-C. Below it a search takes at most a few tens of milliseconds.
const WATCH_ABOVE: usize = 1 << 24;

/// Calls `visit(index, item)` for every item of `polygons`, stopping at the first error.
pub fn for_each_item<'py>(
    polygons: &Bound<'py, PyAny>,
    visit: impl FnMut(usize, &Bound<'py, PyAny>) -> PyResult<()>,
) -> PyResult<()> {
    args::for_each_item(
        polygons,
        "polygons must be a list of Polygon objects",
        visit,
    )
}

/// `item` as a `poly_match_rs.Polygon` (or a subclass), or a `TypeError` naming its position.
pub fn as_polygon<'a, 'py>(
    index: usize,
    item: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, Polygon>> {
    args::expect_item("polygons", "a poly_match_rs.Polygon", index, item)
}

/// Every item of `polygons`, in a `Vec` (the article's steps take a `Vec` argument, which pyo3 fills so).
pub fn items<'py>(polygons: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let mut items = Vec::new();
    for_each_item(polygons, |_, item| {
        items.push(item.clone());
        Ok(())
    })?;
    Ok(items)
}

/// Every item of `polygons` as a `Polygon`, in a `Vec`; a `TypeError` names the first that is not one.
pub fn polygons<'py>(polygons: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, Polygon>>> {
    let mut all = Vec::new();
    for_each_item(polygons, |index, item| {
        all.push(as_polygon(index, item)?.clone());
        Ok(())
    })?;
    Ok(all)
}

/// Every polygon of `polygons`, with its center and area copied out as plain data for the search.
pub fn polygons_and_shapes(
    polygons: &Bound<'_, PyAny>,
) -> PyResult<(Vec<Py<Polygon>>, Vec<CenterArea>)> {
    let (mut objects, mut shapes) = (Vec::new(), Vec::new());
    if let Ok(list) = polygons.cast::<PyList>() {
        objects.reserve(list.len());
        shapes.reserve(list.len());
    }
    for_each_item(polygons, |index, item| {
        let polygon = as_polygon(index, item)?;
        shapes.push(*polygon.get().center_area());
        objects.push(polygon.clone().unbind());
        Ok(())
    })?;
    Ok((objects, shapes))
}

/// Runs a search over `points` points and `polygons` polygons with the GIL released: on all cores when
/// there are many points, and watched for Ctrl-C when it is big (`py_glue::detach`). `search` gets the
/// flag that asks it to stop and returns `None` if it did.
pub fn detached_search<T: Send>(
    py: Python<'_>,
    points: usize,
    polygons: usize,
    search: impl FnOnce(&AtomicBool) -> Option<T> + Send,
) -> PyResult<T> {
    let plan = Plan {
        parallel: points >= PARALLEL_MIN_POINTS,
        watched: points.saturating_mul(polygons) > WATCH_ABOVE,
    };
    py_glue::run_detached(py, plan, search)
}

/// `[(points[row], [the close polygons]), ...]` from a search's `(row, [polygon indices])`.
pub fn rows_with_close<'py>(
    points: &Bound<'py, PyAny>,
    found: Vec<(usize, Vec<usize>)>,
    objects: &[Py<Polygon>],
) -> PyResult<Bound<'py, PyList>> {
    let py = points.py();
    let out = PyList::empty(py);
    for (row, close) in found {
        let close = PyList::new(py, close.iter().filter_map(|&i| objects.get(i)))?;
        out.append((points.get_item(row)?, close))?;
    }
    Ok(out)
}

/// `[(points[row], the best polygon), ...]` from a search's `(row, polygon index)`.
pub fn rows_with_best<'py>(
    points: &Bound<'py, PyAny>,
    best: Vec<(usize, usize)>,
    objects: &[Py<Polygon>],
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(points.py());
    for (row, polygon) in best {
        if let Some(polygon) = objects.get(polygon) {
            out.append((points.get_item(row)?, polygon))?;
        }
    }
    Ok(out)
}
