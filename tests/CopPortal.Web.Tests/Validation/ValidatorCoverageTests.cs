using System.Reflection;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Validation;

/// <summary>A new form cannot forget its validator: every input model a page binds has one registered.</summary>
public sealed class ValidatorCoverageTests
{
    private static readonly Assembly Web = typeof(CopPortal.Web.Infrastructure.Forms.Validation).Assembly;

    /// <summary>The input models pages bind: [BindProperty] properties whose type is a class of the web app.</summary>
    public static TheoryData<string, Type> BoundInputModels()
    {
        var data = new TheoryData<string, Type>();
        var bound = Web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(page => page.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null && p.PropertyType.IsClass && p.PropertyType.Assembly == Web)
                .Select(p => (Name: $"{page.Name}.{p.Name}", p.PropertyType)));
        foreach (var (name, type) in bound)
        {
            data.Add(name, type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BoundInputModels))]
    public void Every_bound_input_model_has_a_registered_validator(string property, Type model)
    {
        using var services = Services();
        var validator = services.GetService(typeof(IValidator<>).MakeGenericType(model));
        Assert.True(validator is not null, $"{property} ({model.Name}) has no validator: add a FormValidator<{model.Name}> next to its page");
        Assert.IsAssignableFrom(typeof(FormValidator<>).MakeGenericType(model), validator);
    }

    [Fact]
    public void The_scan_finds_the_pages_input_models()
    {
        // Guards the reflection above: if it found nothing, the theory would prove nothing.
        var names = BoundInputModels().Select(row => (string)row[0]).ToList();
        Assert.Contains("JoinModel.Input", names);
        Assert.Contains("ManageModel.Vacancy", names);
        Assert.Contains("TemplateModel.Input", names);
        Assert.True(names.Count >= 25, $"Only {names.Count} bound input models found");
    }

    internal static ServiceProvider Services() =>
        new ServiceCollection().AddSingleton(TimeProvider.System).AddFormValidators().BuildServiceProvider();
}
