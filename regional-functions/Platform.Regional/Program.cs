Platform.Regional.RegionalApp.Create(args).Run();
