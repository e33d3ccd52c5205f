"""NLU benchmark of candidate pipelines on the held-out sets: `python -m bench.bench_nlu`."""
