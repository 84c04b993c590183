using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>One person's line on the attendance form. Each is prefilled, so a missing answer means a tampered form.</summary>
public sealed class AttendanceInputValidator : FormValidator<AttendanceModel.RowInput>
{
    public AttendanceInputValidator()
    {
        RuleFor(x => x.Status).Bound("Select attended, apologies or absent").NotNull().WithMessage("Select attended, apologies or absent");
        RuleFor(x => x).Must(x => (x.UserId is null) != (x.GuestId is null)).WithMessage("Attendance is for one member or one guest");
    }
}
