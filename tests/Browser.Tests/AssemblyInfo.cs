// Each test drives a real browser and a real interview; run one at a time so two cores are not shared by two
// Chromiums and two interviews (the timing of real audio matters).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
