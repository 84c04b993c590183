using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// The demo network's crowd: a few hundred fictional, confirmed people, most of them ordinary members of one
/// community, so the directory, member lists and staff pages look like a running network rather than an empty
/// product. Built from fixed name lists and a fixed seed, so every demo database holds the same people.
/// They share one password hash (hashing is deliberately slow) and are written in one batch.
/// </summary>
public static class DemoPeople
{
    /// <summary>How many extra people the demo network has.</summary>
    public const int Count = 300;

    /// <summary>Fixed so every run produces the same names, roles and dates.</summary>
    private const int Seed = 20261203;

    /// <summary>A person of the crowd, and the community they belong to (if any) with the day they joined.</summary>
    public sealed record Person(PortalUser User, string? CommunitySlug, DateTimeOffset JoinedAt);

    private sealed record Profile(string Profession, CareerStage Stage, string JobTitle, bool University = false);

    /// <summary>
    /// Members added to each community, every profile within that community's eligibility. Kept well under the
    /// assistant psychologists' capacity of 60 so a demo approval still has a place to take.
    /// </summary>
    private static readonly (string Slug, int Members, Profile[] Profiles)[] Communities =
    [
        ("chief-psychological-professions-officers", 16,
        [
            new("Clinical Psychologist", CareerStage.Lead, "Chief Psychological Professions Officer"),
            new("Clinical Psychologist", CareerStage.Lead, "Director of Psychological Professions"),
            new("Counselling Psychologist", CareerStage.Lead, "Head of Psychological Professions"),
            new("Cognitive Behavioural Psychotherapist", CareerStage.Lead, "Lead Psychological Professional"),
        ]),
        (DemoData.PractitionersSlug, 57,
        [
            new("PWP", CareerStage.Qualified, "Psychological Wellbeing Practitioner"),
            new("PWP", CareerStage.Trainee, "Trainee Psychological Wellbeing Practitioner"),
            new("PWP", CareerStage.Senior, "Senior Psychological Wellbeing Practitioner"),
            new("PWP", CareerStage.Lead, "Lead Psychological Wellbeing Practitioner"),
            new("CYWP", CareerStage.Qualified, "Children and Young People's Wellbeing Practitioner"),
            new("EMHP", CareerStage.Qualified, "Education Mental Health Practitioner"),
            new("EMHP", CareerStage.Trainee, "Trainee Education Mental Health Practitioner"),
            new("MHWP", CareerStage.Qualified, "Mental Health and Wellbeing Practitioner"),
            new("PWP", CareerStage.EducationProvider, "PWP Programme Lecturer", University: true),
        ]),
        ("psychological-professionals-in-physical-healthcare", 24,
        [
            new("Health Psychologist", CareerStage.Lead, "Lead Health Psychologist, diabetes"),
            new("Clinical Psychologist", CareerStage.Lead, "Consultant Clinical Psychologist, oncology"),
            new("Clinical Psychologist", CareerStage.Senior, "Principal Clinical Psychologist, pain management"),
            new("Counselling Psychologist", CareerStage.Lead, "Psychology Service Lead, cardiac rehabilitation"),
        ]),
        ("clinical-associate-in-psychology", 33,
        [
            new("CAP", CareerStage.Qualified, "Clinical Associate in Psychology"),
            new("CAP", CareerStage.Trainee, "Trainee Clinical Associate in Psychology"),
            new("CAP", CareerStage.Senior, "Senior Clinical Associate in Psychology"),
        ]),
        ("assistant-psychologists-and-psychology-students", 41,
        [
            new("AP", CareerStage.Qualified, "Assistant Psychologist"),
            new("AP", CareerStage.Trainee, "Trainee Assistant Psychologist"),
            new("Psychology student", CareerStage.Student, "Psychology student", University: true),
        ]),
    ];

    /// <summary>Registered people who have not joined a community yet.</summary>
    private static readonly Profile[] Unattached =
    [
        new("Clinical Psychologist", CareerStage.Qualified, "Clinical Psychologist"),
        new("Counselling Psychologist", CareerStage.Qualified, "Counselling Psychologist"),
        new("Forensic Psychologist", CareerStage.Qualified, "Forensic Psychologist"),
        new("Educational Psychologist", CareerStage.Qualified, "Educational Psychologist"),
        new("Cognitive Behavioural Psychotherapist", CareerStage.Qualified, "Cognitive Behavioural Psychotherapist"),
        new("Counsellor or Psychotherapist", CareerStage.Qualified, "Counsellor"),
        new("Family and Systemic Psychotherapist", CareerStage.Senior, "Family and Systemic Psychotherapist"),
        new("Child and Adolescent Psychotherapist", CareerStage.Qualified, "Child and Adolescent Psychotherapist"),
        new("EBE", CareerStage.Qualified, "Expert by Experience, service user involvement"),
    ];

    // None of these names is used by the named demo accounts, applicants or test people, so searches for those still find one person.
    private static readonly string[] FirstNames =
    [
        "Abigail", "Adam", "Alice", "Amara", "Amelia", "Arjun", "Ben", "Bethany", "Chloe", "Chidi",
        "Ciara", "David", "Dev", "Ella", "Emily", "Ethan", "Faye", "George", "Harriet", "Harvey",
        "Imran", "Isla", "James", "Jasmine", "Joanna", "Kieran", "Leah", "Liam", "Lucy", "Mohammed",
        "Naomi", "Nathan", "Olivia", "Owen", "Rachel", "Ravi", "Ruth", "Simran", "Thomas", "Poppy",
    ];

    private static readonly string[] Surnames =
    [
        "Ahmed", "Allen", "Atkinson", "Baker", "Barnes", "Bhatt", "Brown", "Campbell", "Chauhan", "Cooper",
        "Davies", "Doyle", "Edwards", "Evans", "Foster", "Green", "Hall", "Harris", "Hussain", "Jackson",
        "Jones", "Kaur", "Kelly", "Lee", "Mahmood", "Mitchell", "Murphy", "Nguyen", "Obi", "Parker",
        "Price", "Roberts", "Robinson", "Scott", "Singh", "Taylor", "Walker", "Ward", "Williams", "Wright",
    ];

    private static readonly string[] Trusts =
    [
        "Birmingham and Solihull Mental Health NHS Foundation Trust",
        "Black Country Healthcare NHS Foundation Trust",
        "Coventry and Warwickshire Partnership NHS Trust",
        "Derbyshire Healthcare NHS Foundation Trust",
        "Herefordshire and Worcestershire Health and Care NHS Trust",
        "Leicestershire Partnership NHS Trust",
        "Lincolnshire Partnership NHS Foundation Trust",
        "Midlands Partnership University NHS Foundation Trust",
        "Northamptonshire Healthcare NHS Foundation Trust",
        "Nottinghamshire Healthcare NHS Foundation Trust",
        "Shropshire Community Health NHS Trust",
        "University Hospitals of Derby and Burton NHS Foundation Trust",
        "University Hospitals Birmingham NHS Foundation Trust",
        "Nottingham University Hospitals NHS Trust",
    ];

    private static readonly string[] Universities =
    [
        "University of Birmingham", "University of Nottingham", "University of Leicester", "University of Derby",
        "Coventry University", "University of Lincoln", "Keele University", "University of Worcester",
    ];

    /// <summary>
    /// The crowd, ready to add: confirmed, with the given password hash, without network roles. Each person
    /// has their own security and concurrency stamps, so signing one out never signs out the others.
    /// </summary>
    public static IReadOnlyList<Person> Build(Func<string, int> professionId, string region, string passwordHash, DateTimeOffset now, ILookupNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(professionId);
        ArgumentNullException.ThrowIfNull(normalizer);
#pragma warning disable CA5394 // Not security: a fixed seed makes the demo data the same every time.
        var random = new Random(Seed);
        var names = Enumerable.Range(0, FirstNames.Length * Surnames.Length).OrderBy(_ => random.Next()).ToList();
        var slots = Communities.SelectMany(c => Enumerable.Range(0, c.Members).Select(_ => (Slug: (string?)c.Slug, c.Profiles)))
            .Concat(Enumerable.Range(0, Count - Communities.Sum(c => c.Members)).Select(_ => (Slug: (string?)null, Profiles: Unattached)))
            .ToList();

        var people = new List<Person>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var (slug, profiles) = slots[i];
            var profile = profiles[random.Next(profiles.Length)];
            var first = FirstNames[names[i] / Surnames.Length];
            var last = Surnames[names[i] % Surnames.Length];
            var email = $"{first}.{last}.{i + 1}@demo.nhs.uk".ToLowerInvariant();
            var createdAt = now.AddDays(-random.Next(30, 720)).AddMinutes(-random.Next(0, 600));
            var user = new PortalUser
            {
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = $"{first} {last}",
                JobTitle = profile.JobTitle,
                ProfessionId = professionId(profile.Profession),
                Organisation = profile.University ? Universities[random.Next(Universities.Length)] : Trusts[random.Next(Trusts.Length)],
                Region = region,
                CareerStage = profile.Stage,
                CreatedAt = createdAt,
            };
            var joinedAt = createdAt.AddDays(random.Next(1, Math.Max(2, (int)(now - createdAt).TotalDays)));
            people.Add(new Person(user, slug, joinedAt < now ? joinedAt : now));
        }
#pragma warning restore CA5394
        return people;
    }
}
