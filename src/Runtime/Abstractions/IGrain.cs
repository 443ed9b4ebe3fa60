namespace SyncHire.Runtime;

/// <summary>Marker for grain interfaces. As in Orleans, every method returns Task or Task&lt;T&gt;.</summary>
public interface IGrain;

/// <summary>A grain identified by a string key (an interview id, say).</summary>
public interface IGrainWithStringKey : IGrain;
