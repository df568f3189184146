"""Performance benchmarks of neuroflash Desktop: ``python -m benchmarks [--quick]``.

Every figure is a measurement printed next to a baseline taken in the same run, never a
pass/fail timing inside the test suite.
"""
