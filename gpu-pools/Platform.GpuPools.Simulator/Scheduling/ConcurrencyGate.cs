namespace Platform.GpuPools.Simulator.Scheduling;

/// <summary>
/// The pool's batch: at most <c>capacity</c> requests run, later ones wait in arrival order (FIFO, unlike
/// SemaphoreSlim). A waiter that is cancelled leaves the queue at once; a running request frees its slot
/// when its <see cref="Slot"/> is disposed, and the oldest waiter takes it.
/// </summary>
internal sealed class ConcurrencyGate(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly HashSet<Slot> _running = [];

    public int Capacity => capacity;

    public (int Running, int Waiting, long RunningTokens) Snapshot()
    {
        lock (_lock)
        {
            return (_running.Count, _queue.Count, _running.Sum(s => s.Tokens));
        }
    }

    /// <summary>Waits for a slot; <paramref name="promptTokens"/> is what the request holds in KV cache from the start.</summary>
    public async Task<Slot> EnterAsync(int promptTokens, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LinkedListNode<Waiter> node;
        lock (_lock)
        {
            if (_running.Count < capacity && _queue.Count == 0)
            {
                var slot = new Slot(this, promptTokens);
                _running.Add(slot);
                return slot;
            }

            node = _queue.AddLast(new Waiter(new TaskCompletionSource<Slot>(TaskCreationOptions.RunContinuationsAsynchronously), promptTokens));
        }

        await using var registration = cancellationToken.Register(() => Abandon(node, cancellationToken));
        return await node.Value.Promise.Task;
    }

    private void Abandon(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Already promoted: the caller owns a slot and frees it when its own cancellation surfaces.
            if (node.List is null)
            {
                return;
            }

            _queue.Remove(node);
        }

        node.Value.Promise.TrySetCanceled(cancellationToken);
    }

    internal void Release(Slot slot)
    {
        (Waiter Waiter, Slot Slot)? promoted = null;
        lock (_lock)
        {
            if (!_running.Remove(slot))
            {
                return;
            }

            if (_queue.First is { } next)
            {
                _queue.RemoveFirst();
                var nextSlot = new Slot(this, next.Value.PromptTokens);
                _running.Add(nextSlot);
                promoted = (next.Value, nextSlot);
            }
        }

        promoted?.Waiter.Promise.TrySetResult(promoted.Value.Slot);
    }

    private sealed record Waiter(TaskCompletionSource<Slot> Promise, int PromptTokens);
}
