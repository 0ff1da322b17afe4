return await Pulumi.Deployment.RunAsync<Platform.Infra.PlatformStack>();
