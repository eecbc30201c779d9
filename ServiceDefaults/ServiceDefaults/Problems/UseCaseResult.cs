using System.Diagnostics.CodeAnalysis;

namespace ClosetConnect.ServiceDefaults.Problems;

/// <summary>What a use case returns: its value, or why it refused.</summary>
public sealed class UseCaseResult<T>
{
    private UseCaseResult(T? value, UseCaseFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public UseCaseFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static UseCaseResult<T> Success(T value) => new(value, null);

    public static UseCaseResult<T> Refused(UseCaseFailure failure) => new(default, failure);

    public static implicit operator UseCaseResult<T>(T value) => Success(value);

    public static implicit operator UseCaseResult<T>(UseCaseFailure failure) => Refused(failure);
}
