//! Python arguments: naming their type in messages, walking any iterable, and the `TypeError`s the
//! project raises when an argument is of the wrong kind.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::type_object::PyTypeCheck;
use pyo3::types::{PyList, PyTuple};

/// The Python type name of `obj`, for messages (`list`, `NoneType`, `int64`).
#[must_use]
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "<unknown>".to_owned(), |name| name.to_string())
}

/// The `TypeError` of an argument of the wrong type, in the words of CPython's own builtins:
/// `count_doubles() argument 'val' must be str, not int`.
#[must_use]
pub fn wrong_type(
    function: &str,
    argument: &str,
    expected: &str,
    passed: &Bound<'_, PyAny>,
) -> PyErr {
    PyTypeError::new_err(format!(
        "{function}() argument '{argument}' must be {expected}, not {}",
        type_name(passed)
    ))
}

/// `obj` as a `T` (subclasses included), or [`wrong_type`]'s `TypeError`.
pub fn expect<'a, 'py, T: PyTypeCheck>(
    function: &str,
    argument: &str,
    expected: &str,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, T>> {
    obj.cast::<T>()
        .map_err(|_| wrong_type(function, argument, expected, obj))
}

/// Calls `visit(index, item)` for every item of `items` (a list, a tuple or any iterable, as a Python
/// `for` loop accepts), stopping at the first error. Lists and tuples are walked directly, without a
/// Python iterator; `not_iterable` describes what was wanted when `items` cannot be iterated
/// (`polygons must be a list of Polygon objects, not int`).
pub fn for_each_item<'py>(
    items: &Bound<'py, PyAny>,
    not_iterable: &str,
    mut visit: impl FnMut(usize, &Bound<'py, PyAny>) -> PyResult<()>,
) -> PyResult<()> {
    if let Ok(list) = items.cast::<PyList>() {
        // The list's iterator re-reads the length each time, so a list changed meanwhile is not over-read.
        for (index, item) in list.iter().enumerate() {
            visit(index, &item)?;
        }
    } else if let Ok(tuple) = items.cast::<PyTuple>() {
        for (index, item) in tuple.iter().enumerate() {
            visit(index, &item)?;
        }
    } else {
        let Ok(iterator) = items.try_iter() else {
            return Err(PyTypeError::new_err(format!(
                "{not_iterable}, not {}",
                type_name(items)
            )));
        };
        for (index, item) in iterator.enumerate() {
            visit(index, &item?)?;
        }
    }
    Ok(())
}

/// Item `index` of the argument `argument` as a `T`, or a `TypeError` naming its position:
/// `polygons[3] must be a poly_match_rs.Polygon, not dict`.
pub fn expect_item<'a, 'py, T: PyTypeCheck>(
    argument: &str,
    expected: &str,
    index: usize,
    item: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, T>> {
    item.cast::<T>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{argument}[{index}] must be {expected}, not {}",
            type_name(item)
        ))
    })
}

#[cfg(test)]
mod tests {
    use pyo3::types::{PyInt, PyString};

    use super::*;
    use crate::testing::{eval, message, with_python};

    #[test]
    fn names_types_as_python_does() {
        with_python(|py| {
            assert_eq!(type_name(&eval(py, "[]")), "list");
            assert_eq!(type_name(&eval(py, "None")), "NoneType");
            assert_eq!(type_name(&eval(py, "np.int64(3)")), "int64");
        });
    }

    #[test]
    fn refuses_the_wrong_type_in_cpythons_words() {
        with_python(|py| {
            let passed = eval(py, "3");
            let err = expect::<PyString>("f", "val", "str", &passed).expect_err("an int");
            assert_eq!(
                message(py, &err),
                "TypeError: f() argument 'val' must be str, not int"
            );
            let text = eval(py, "type('S', (str,), {})('x')");
            assert!(expect::<PyString>("f", "val", "str", &text).is_ok());
        });
    }

    #[test]
    fn walks_lists_tuples_and_any_iterable_in_order() {
        with_python(|py| {
            for code in [
                "[5, 6, 7]",
                "(5, 6, 7)",
                "iter([5, 6, 7])",
                "range(5, 8)",
                "{5: 0, 6: 0, 7: 0}",
            ] {
                let mut seen = Vec::new();
                for_each_item(&eval(py, code), "xs must be iterable", |i, item| {
                    seen.push((i, item.extract::<i64>()?));
                    Ok(())
                })
                .expect("iterable");
                assert_eq!(seen, [(0, 5), (1, 6), (2, 7)], "{code}");
            }
        });
    }

    #[test]
    fn stops_at_the_first_error_and_names_what_is_not_iterable() {
        with_python(|py| {
            let mut visits = 0;
            let err = for_each_item(&eval(py, "[1, 'a', 2]"), "xs", |i, item| {
                visits += 1;
                expect_item::<PyInt>("xs", "an int", i, item).map(|_| ())
            })
            .expect_err("a str");
            assert_eq!(visits, 2);
            assert_eq!(
                message(py, &err),
                "TypeError: xs[1] must be an int, not str"
            );
            let err = for_each_item(&eval(py, "3"), "xs must be a list of ints", |_, _| Ok(()))
                .expect_err("an int");
            assert_eq!(
                message(py, &err),
                "TypeError: xs must be a list of ints, not int"
            );
            let err = for_each_item(&eval(py, "(1 // 0 for _ in [0])"), "xs", |_, _| Ok(()))
                .expect_err("raises");
            assert!(message(py, &err).starts_with("ZeroDivisionError"));
        });
    }
}
