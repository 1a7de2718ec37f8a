//! Walking the `polygons` argument: a list, a tuple or any iterable, one item at a time.
//!
//! Python's `find_close_polygons` accepts anything a `for` loop accepts, so these helpers do too; lists and
//! tuples are walked directly, without a Python iterator. Each item is handed over with its position, so a
//! refused item can be named (`polygons[3] must be a poly_match_rs.Polygon, not dict`).

use poly_core::Shape;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::arrays::type_name;
use crate::polygon::Polygon;

/// Calls `visit(index, item)` for every item of `polygons`, stopping at the first error.
pub fn for_each_item<'py>(
    polygons: &Bound<'py, PyAny>,
    mut visit: impl FnMut(usize, &Bound<'py, PyAny>) -> PyResult<()>,
) -> PyResult<()> {
    if let Ok(list) = polygons.cast::<PyList>() {
        // Indexing re-reads the length each time, so a list changed meanwhile cannot be over-read.
        for (index, item) in list.iter().enumerate() {
            visit(index, &item)?;
        }
    } else if let Ok(tuple) = polygons.cast::<PyTuple>() {
        for (index, item) in tuple.iter().enumerate() {
            visit(index, &item)?;
        }
    } else {
        let Ok(items) = polygons.try_iter() else {
            return Err(PyTypeError::new_err(format!(
                "polygons must be a list of Polygon objects, not {}",
                type_name(polygons)
            )));
        };
        for (index, item) in items.enumerate() {
            visit(index, &item?)?;
        }
    }
    Ok(())
}

/// `item` as a `poly_match_rs.Polygon` (or a subclass), or a `TypeError` naming its position.
pub fn as_polygon<'a, 'py>(
    index: usize,
    item: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, Polygon>> {
    item.cast::<Polygon>().map_err(|_| {
        PyTypeError::new_err(format!(
            "polygons[{index}] must be a poly_match_rs.Polygon, not {}",
            type_name(item)
        ))
    })
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
pub fn polygons_and_shapes<'py>(
    polygons: &Bound<'py, PyAny>,
) -> PyResult<(Vec<Bound<'py, Polygon>>, Vec<Shape>)> {
    let (mut objects, mut shapes) = (Vec::new(), Vec::new());
    if let Ok(list) = polygons.cast::<PyList>() {
        objects.reserve(list.len());
        shapes.reserve(list.len());
    }
    for_each_item(polygons, |index, item| {
        let polygon = as_polygon(index, item)?;
        shapes.push(*polygon.get().shape());
        objects.push(polygon.clone());
        Ok(())
    })?;
    Ok((objects, shapes))
}
