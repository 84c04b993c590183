using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Help;

/// <summary>The acronyms people meet in the network, with their long forms and a plain explanation.</summary>
public class GlossaryModel : PageModel
{
    public sealed record Term(string Acronym, string LongForm, string Explanation)
    {
        public string Anchor => Acronym.ToLowerInvariant().Replace(' ', '-');
    }

    public static IReadOnlyList<Term> Terms { get; } =
    [
        new("AP", "Assistant Practitioner / Assistant Psychologist", "Depending on context, either a support role in a service or a psychology graduate working under a qualified psychologist's supervision."),
        new("APP", "Aspiring Psychological Professional", "Someone working towards a career in the psychological professions, such as a student or recent graduate."),
        new("CAMHS", "Child and Adolescent Mental Health Services", "NHS services that assess and treat young people with emotional, behavioural or mental health difficulties."),
        new("CAP", "Clinical Associate in Psychology", "A psychological professional trained at master's level to assess and support people under a clinical psychologist's supervision."),
        new("CoP", "Community of Practice", "A group of people who share a profession or area of work and meet regularly to learn from each other."),
        new("CPPO", "Chief Psychological Professions Officer", "The senior leader responsible for the psychological professions in an organisation."),
        new("CWP", "Children's Wellbeing Practitioner", "A practitioner who offers early, evidence-based help to children and young people with mild to moderate difficulties."),
        new("CYP", "Children and Young People", "The usual short way of describing services and work for people under 18 (sometimes up to 25)."),
        new("DClin", "Doctorate in Clinical Psychology", "The three-year doctoral training that leads to qualification as a clinical psychologist."),
        new("EBE", "Expert by Experience", "Someone whose own experience of using services, or caring for someone who does, helps shape how services work."),
        new("EMHP", "Education Mental Health Practitioner", "A practitioner who works in schools and colleges to support pupils' mental health."),
        new("HEI", "Higher Education Institution", "A university or college that trains psychological professionals."),
        new("MDT", "Multi-disciplinary team", "A team of people from different professions working together on people's care."),
        new("MHWP", "Mental Health Wellbeing Practitioner", "A practitioner who supports adults with severe mental health problems in community services."),
        new("NHS TTad", "NHS Talking Therapies for Anxiety and Depression", "The NHS service that offers psychological therapies for common problems such as anxiety and depression."),
        new("NHS TT LTC", "NHS Talking Therapies for Long Term Conditions", "Talking therapies integrated with care for people living with long-term physical health conditions."),
        new("PPN", "Psychological Professions Network", "A regional network that brings together and supports the psychological professions; it runs these communities."),
        new("PWP", "Psychological Wellbeing Practitioner", "A practitioner who offers guided self-help and low-intensity therapy, often in NHS Talking Therapies."),
        new("ToR", "Terms of Reference", "The document that says who a community is for, what it does, how it is run and how often it meets."),
    ];
}
