"""The scoring engine: one system's outputs on one dataset in, a run record out.

```
examples ──> spec.scoring_spec ──> ScoringSpec (profile.corpus_profile: languages, reference
   │              counts; each metric built once, its corpus-wide state prepared)
   └─ partitions.partition_bounds ──> segments.score_partition (per partition, anywhere:
        this process or a Ray task): metric statistics, segment scores, findings,
        segments.jsonl lines ──> corpus.RunAggregator (in order, in the driver): segment
        lines to a spool.SegmentSpool on disk, statistics kept as numbers ──> corpus scores
        and intervals from the metrics' contract ──> StreamedRunRecord
```

`run.score_run` drives both phases in this process (`evalsuite score`, the API); the backends
(`evalsuite.backends`) drive the same phases locally or on Ray, so results never depend on
where a run was scored. Metrics are reached only through their contract (`metrics.base`).
"""
