using System.Linq.Expressions;

namespace CopPortal.Domain.Data;

internal static class RuleExpressions
{
    /// <summary>Builds "value == a || value == b || …" from a list, so a rule's list is written once and EF can still translate it.</summary>
    public static Expression<Func<T, bool>> AnyOf<T, TValue>(Expression<Func<T, TValue>> value, IReadOnlyList<TValue> allowed)
    {
        var body = allowed
            .Select(a => (Expression)Expression.Equal(value.Body, Expression.Constant(a, typeof(TValue))))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, value.Parameters);
    }
}
