"""Chapter 3: polygons close to a point, the article "Making Python 100x faster with less than 100 lines of
Rust" retraced step by step (poly_match.py, then poly_match_v1.py .. poly_match_v4.py, poly_match_best.py),
with numpy and scipy yardsticks (yardsticks.py) and a look at larger fields (scaling.py)."""
