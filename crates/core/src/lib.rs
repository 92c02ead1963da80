//! easnet-core: the plan model, the address and capacity maths, and the analyzer.
