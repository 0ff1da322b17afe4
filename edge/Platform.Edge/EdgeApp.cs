using Platform.Contracts.Hosting;
using Platform.Edge.Apis;

namespace Platform.Edge;

/// <summary>The edge: tags every chat request, decides its home zone, and forwards it to a zone allowed to serve it.</summary>
public static class EdgeApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.UseServerlessPort();
        builder.AddEdge();
        var app = builder.Build();
        app.MapEdgeApi();
        return app;
    }
}
