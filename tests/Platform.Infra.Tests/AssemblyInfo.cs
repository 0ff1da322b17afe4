// Deployment.TestAsync runs one Pulumi deployment per process at a time; parallel tests would share it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
