namespace Platform.Traces.Expiry;

/// <summary>
/// One store's deletion of what is at or near its expiry: run hourly by its hosted loop while the app is warm, and on
/// demand by the scheduled event (<see cref="ExpirySweepEvents"/>) so a zone without traffic is swept too.
/// </summary>
internal interface IExpirySweep
{
    /// <summary>What the store holds, for logs and the sweep report: <c>traces</c> or <c>decision records</c>.</summary>
    string Holds { get; }

    /// <summary>Deletes once; returns how many items went. Throws when the store cannot be swept now.</summary>
    Task<int> SweepOnceAsync(CancellationToken cancellationToken);
}
