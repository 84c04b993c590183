using System.Net;
using System.Text;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// The permission matrix, twice: the rule table itself, and every page and handler the app serves (read from its
/// endpoint data source, so a new page with no row here fails) requested as every kind of user over HTTP.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.Portal portal) : IClassFixture<AccessMatrixTests.Portal>
{
    // Columns of the table: the kinds of user. "outsider" is signed in with no network role and no membership.
    private static readonly string[] People = ["anonymous", "member", "outsider", "secretary", "chair", "council", "staff"];

    // Outcomes: ok = 200; signin = redirect to sign-in; denied = 403 or the access-denied page; 404; readonly =
    // sent back to the archived CoP's page; redirect = somewhere else (the page's own behaviour, e.g. "/my").
    // A POST cell that says ok passes the gate and is not sent (its handler's tests post real forms); every
    // refusal is sent, with a valid antiforgery token, and must be refused exactly so.
    // Community pages have a row per state: their {slug} is an active, a draft or an archived CoP in which the
    // member, secretary and chair hold those roles.
    //
    // Columns:                                                          anonymous member outsider secretary chair council staff
    private static readonly (string Endpoint, string Expected)[] Expected =
    [
        ("GET /",                                                           "ok redirect redirect redirect redirect redirect redirect"),
        ("GET /accessibility",                                              "ok ok ok ok ok ok ok"),
        ("GET /account/access-denied",                                      "denied denied denied denied denied denied denied"),
        ("GET /account/change-password",                                    "signin ok ok ok ok ok ok"),
        ("GET /account/close",                                              "signin ok ok ok ok ok ok"),
        ("GET /account/closed",                                             "ok ok ok ok ok ok ok"),
        ("GET /account/confirm-email",                                      "400 400 400 400 400 400 400"),
        ("GET /account/forgot-password",                                    "ok ok ok ok ok ok ok"),
        ("GET /account/invitation/{token}",                                 "404 404 404 404 404 404 404"),
        ("GET /account/profile",                                            "signin ok ok ok ok ok ok"),
        ("GET /account/register",                                           "ok redirect redirect redirect redirect redirect redirect"),
        ("GET /account/register/check-your-email",                          "ok ok ok ok ok ok ok"),
        ("GET /account/resend-confirmation",                                "ok ok ok ok ok ok ok"),
        ("GET /account/reset-password",                                     "400 400 400 400 400 400 400"),
        ("GET /account/sign-in",                                            "ok ok ok ok ok ok ok"),
        ("GET /account/sign-out",                                           "ok ok ok ok ok ok ok"),
        ("GET /bench/floor",                                                "404 404 404 404 404 404 404"),
        ("GET /communities",                                                "ok ok ok ok ok ok ok"),
        ("GET /communities/propose",                                        "signin ok ok ok ok ok ok"),
        ("GET /communities/{slug}",                                         "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug} [archived]",                              "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug} [draft]",                                 "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/join",                                    "signin ok ok ok ok ok ok"),
        ("GET /communities/{slug}/join [archived]",                         "signin readonly readonly readonly readonly readonly readonly"),
        ("GET /communities/{slug}/join [draft]",                            "404 404 404 404 404 404 404"),
        ("GET /communities/{slug}/join/monitoring",                         "signin redirect redirect redirect redirect redirect redirect"),
        ("GET /communities/{slug}/join/monitoring [archived]",              "signin readonly readonly readonly readonly readonly readonly"),
        ("GET /communities/{slug}/join/monitoring [draft]",                 "404 404 404 redirect redirect 404 redirect"),
        ("GET /communities/{slug}/meetings", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings [archived]", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/new", "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/new [archived]", "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/new [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int} [archived]", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int} [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}.ics", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}.ics [archived]", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}.ics [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/cancel", "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/cancel [archived]", "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/{id:int}/cancel [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/edit", "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/edit [archived]", "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/{id:int}/edit [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/respond", "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/meetings/{id:int}/respond [archived]", "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/meetings/{id:int}/respond [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda",                 "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda [archived]",      "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda [draft]",         "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda.pdf",             "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda.pdf [archived]",  "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda.pdf [draft]",     "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda/items/{itemId:int}", "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda/items/{itemId:int} [archived]", "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/{id:int}/agenda/items/{itemId:int} [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes",                "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes [archived]",     "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes [draft]",        "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes.pdf",            "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes.pdf [archived]", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes.pdf [draft]",    "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes/revisions/{revision:int}", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes/revisions/{revision:int} [archived]", "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/minutes/revisions/{revision:int} [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/terms",                                   "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/terms [archived]",                        "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/terms [draft]",                           "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/terms.pdf",                               "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/terms.pdf [archived]",                    "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/terms.pdf [draft]",                       "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/terms/edit",                              "signin denied denied denied ok denied ok"),
        ("GET /communities/{slug}/terms/edit [archived]",                   "signin denied denied denied readonly denied readonly"),
        ("GET /communities/{slug}/terms/edit [draft]",                      "404 404 404 denied ok 404 ok"),
        ("GET /communities/{slug}/terms/eligibility",                       "signin denied denied denied ok denied ok"),
        ("GET /communities/{slug}/terms/eligibility [archived]",            "signin denied denied denied readonly denied readonly"),
        ("GET /communities/{slug}/terms/eligibility [draft]",               "404 404 404 denied ok 404 ok"),
        ("GET /communities/{slug}/terms/versions/{number:int}",             "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/terms/versions/{number:int} [archived]",  "ok ok ok ok ok ok ok"),
        ("GET /communities/{slug}/terms/versions/{number:int} [draft]",     "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/vacancies/{id:int}/interest",             "signin ok ok ok ok ok ok"),
        ("GET /communities/{slug}/vacancies/{id:int}/interest [archived]",  "signin readonly readonly readonly readonly readonly readonly"),
        ("GET /communities/{slug}/vacancies/{id:int}/interest [draft]",     "404 404 404 ok ok 404 ok"),
        ("GET /council",                                                    "signin denied denied denied denied ok ok"),
        ("GET /council/minutes",                                             "signin denied denied denied denied ok ok"),
        ("GET /council/minutes/{id:int}",                                    "signin denied denied denied denied ok ok"),
        ("GET /error/{code:int?}",                                          "ok ok ok ok ok ok ok"),
        ("GET /glossary",                                                   "ok ok ok ok ok ok ok"),
        ("GET /help",                                                       "ok ok ok ok ok ok ok"),
        ("GET /ground-rules",                                               "ok ok ok ok ok ok ok"),
        ("GET /my",                                                         "signin ok ok ok ok ok ok"),
        ("GET /my/communities/{slug}/leave",                                "signin ok 404 ok ok 404 404"),
        ("GET /my/data/{handler?}",                                         "signin ok ok ok ok ok ok"),
        ("GET /my/data/{handler?} Download",                                "signin ok ok ok ok ok ok"),
        ("GET /my/notifications",                                           "signin ok ok ok ok ok ok"),
        ("GET /my/requests/{id:int}/respond",                               "signin 404 404 404 404 404 404"),
        ("GET /my/requests/{id:int}/withdraw",                              "signin 404 404 404 404 404 404"),
        ("GET /notifications/unsubscribe/{token}",                          "400 400 400 400 400 400 400"),
        ("GET /privacy",                                                    "ok ok ok ok ok ok ok"),
        ("GET /staff",                                                      "signin denied denied denied denied denied ok"),
        ("GET /staff/audit",                                                "signin denied denied denied denied denied ok"),
        ("GET /staff/communities",                                          "signin denied denied denied denied denied ok"),
        ("GET /staff/communities/new",                                      "signin denied denied denied denied denied ok"),
        ("GET /staff/communities/template",                                 "signin denied denied denied denied denied ok"),
        ("GET /staff/communities/{slug}",                                   "signin denied denied denied denied denied ok"),
        ("GET /staff/email-domains",                                        "signin denied denied denied denied denied ok"),
        ("GET /staff/ground-rules",                                         "signin denied denied denied denied denied ok"),
        ("GET /staff/equality",                                             "signin denied denied denied denied denied ok"),
        ("GET /staff/invitations",                                          "signin denied denied denied denied denied ok"),
        ("GET /staff/invitations/new",                                      "signin denied denied denied denied denied ok"),
        ("GET /staff/join-requests",                                        "signin denied denied denied denied denied ok"),
        ("GET /staff/join-requests/bulk-approve",                           "signin denied denied denied denied denied ok"),
        ("GET /staff/join-requests/{id:int}",                               "signin denied denied denied denied denied ok"),
        ("GET /staff/outbox",                                               "signin denied denied denied denied denied ok"),
        ("GET /staff/people",                                               "signin denied denied denied denied denied ok"),
        ("GET /staff/people/{id}",                                          "signin denied denied denied denied denied ok"),
        ("GET /staff/people/{id}/close",                                    "signin denied denied denied denied denied ok"),
        ("GET /staff/proposals",                                            "signin denied denied denied denied denied ok"),
        ("GET /staff/proposals/{id:int}",                                   "signin denied denied denied denied denied 404"),
        ("POST /account/change-password",                                   "signin ok ok ok ok ok ok"),
        ("POST /account/close",                                             "signin ok ok ok ok ok ok"),
        ("POST /account/forgot-password",                                   "ok ok ok ok ok ok ok"),
        ("POST /account/invitation/{token}",                                "ok ok ok ok ok ok ok"),
        ("POST /account/profile",                                           "signin ok ok ok ok ok ok"),
        ("POST /account/register",                                          "ok ok ok ok ok ok ok"),
        ("POST /account/resend-confirmation",                               "ok ok ok ok ok ok ok"),
        ("POST /account/reset-password",                                    "ok ok ok ok ok ok ok"),
        ("POST /account/sign-in",                                           "ok ok ok ok ok ok ok"),
        ("POST /account/sign-out",                                          "ok ok ok ok ok ok ok"),
        ("POST /communities/propose",                                       "signin ok ok ok ok ok ok"),
        ("POST /communities/{slug}/join",                                   "signin ok ok ok ok ok ok"),
        ("POST /communities/{slug}/join [archived]",                        "signin readonly readonly readonly readonly readonly readonly"),
        ("POST /communities/{slug}/join [draft]",                           "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/join/monitoring",                        "signin ok ok ok ok ok ok"),
        ("POST /communities/{slug}/join/monitoring [archived]",             "signin readonly readonly readonly readonly readonly readonly"),
        ("POST /communities/{slug}/join/monitoring [draft]",                "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/new", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/new [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/new [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int} Respond", "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int} Respond [archived]", "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int} Respond [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/cancel", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/cancel [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/cancel [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/edit", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/edit [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/edit [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/respond", "ok ok ok ok ok ok ok"),
        ("POST /communities/{slug}/meetings/{id:int}/respond [archived]", "ok ok ok ok ok ok ok"),
        ("POST /communities/{slug}/meetings/{id:int}/respond [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Add",            "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Add [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Add [draft]",    "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Delete",         "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Delete [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Delete [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda MoveDown",       "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda MoveDown [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda MoveDown [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda MoveUp",         "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda MoveUp [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda MoveUp [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Publish",        "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Publish [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Publish [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Start",          "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Start [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda Start [draft]",  "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda/items/{itemId:int}", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda/items/{itemId:int} [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/agenda/items/{itemId:int} [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes AddAction",     "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes AddAction [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes AddAction [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Approve",       "signin denied denied denied ok denied denied"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Approve [archived]", "signin denied denied denied readonly denied denied"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Approve [draft]", "404 404 404 denied ok 404 denied"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Correct",       "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Correct [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Correct [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes DeleteAction",  "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes DeleteAction [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes DeleteAction [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Publish",       "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Publish [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Publish [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Return",        "signin denied denied denied ok denied denied"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Return [archived]", "signin denied denied denied readonly denied denied"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Return [draft]", "404 404 404 denied ok 404 denied"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Save",          "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Save [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Save [draft]",  "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Share",         "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Share [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Share [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Start",         "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Start [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Start [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Submit",        "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Submit [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/minutes Submit [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/terms/edit",                             "signin denied denied denied ok denied ok"),
        ("POST /communities/{slug}/terms/edit [archived]",                  "signin denied denied denied readonly denied readonly"),
        ("POST /communities/{slug}/terms/edit [draft]",                     "404 404 404 denied ok 404 ok"),
        ("POST /communities/{slug}/terms/eligibility",                      "signin denied denied denied ok denied ok"),
        ("POST /communities/{slug}/terms/eligibility [archived]",           "signin denied denied denied readonly denied readonly"),
        ("POST /communities/{slug}/terms/eligibility [draft]",              "404 404 404 denied ok 404 ok"),
        ("POST /communities/{slug}/vacancies/{id:int}/interest",            "signin ok ok ok ok ok ok"),
        ("POST /communities/{slug}/vacancies/{id:int}/interest [archived]", "signin readonly readonly readonly readonly readonly readonly"),
        ("POST /communities/{slug}/vacancies/{id:int}/interest [draft]",    "404 404 404 ok ok 404 ok"),
        ("POST /error/{code:int?}",                                         "ok ok ok ok ok ok ok"),
        ("POST /my/communities/{slug}/leave",                               "signin ok ok ok ok ok ok"),
        ("POST /my/notifications",                                          "signin ok ok ok ok ok ok"),
        ("POST /my/requests/{id:int}/respond",                              "signin ok ok ok ok ok ok"),
        ("POST /my/requests/{id:int}/withdraw",                             "signin ok ok ok ok ok ok"),
        ("POST /notifications/unsubscribe/{token}",                         "400 400 400 400 400 400 400"),
        ("GET /communities/{slug}/library",                                 "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library [archived]",                      "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library [draft]",                         "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/library/folders/{folderId:int}",          "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library/folders/{folderId:int} [archived]",  "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library/folders/{folderId:int} [draft]",  "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/library/documents/{documentId:int}",      "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library/documents/{documentId:int} [archived]",  "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library/documents/{documentId:int} [draft]",  "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/library/documents/{documentId:int}/versions/{version:int}/download",  "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library/documents/{documentId:int}/versions/{version:int}/download [archived]",  "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library/documents/{documentId:int}/versions/{version:int}/download [draft]",  "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/library/add",                             "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/library/add [archived]",                  "signin readonly denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/library/add [draft]",                     "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/library/add",                            "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/library/add [archived]",                 "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/library/add [draft]",                    "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/library Folder",                         "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/library Folder [archived]",              "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/library Folder [draft]",                 "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Version",  "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Version [archived]",  "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Version [draft]",  "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Publish",  "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Publish [archived]",  "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Publish [draft]",  "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Decline",  "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Decline [archived]",  "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Decline [draft]",  "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Delete",  "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Delete [archived]",  "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/library/documents/{documentId:int} Delete [draft]",  "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/actions",                                 "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/actions [archived]",                      "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/actions [draft]",                         "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/actions/{actionId:int}",                  "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/actions/{actionId:int} [archived]",       "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/actions/{actionId:int} [draft]",          "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/actions/{actionId:int}",                 "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/actions/{actionId:int} [archived]",      "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/actions/{actionId:int} [draft]",         "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/actions/add",                             "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/actions/add [archived]",                  "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/actions/add [draft]",                     "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/actions/add",                            "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/actions/add [archived]",                 "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/actions/add [draft]",                    "404 404 404 ok ok 404 ok"),
        ("POST /staff/communities/new",                                     "signin denied denied denied denied denied ok"),
        ("POST /staff/communities/template",                                "signin denied denied denied denied denied ok"),
        ("POST /staff/communities/{slug} Assign",                           "signin denied denied denied denied denied ok"),
        ("POST /staff/communities/{slug} CloseVacancy",                     "signin denied denied denied denied denied ok"),
        ("POST /staff/communities/{slug} Details",                          "signin denied denied denied denied denied ok"),
        ("POST /staff/communities/{slug} OpenVacancy",                      "signin denied denied denied denied denied ok"),
        ("POST /staff/communities/{slug} RemoveRole",                       "signin denied denied denied denied denied ok"),
        ("POST /staff/communities/{slug} Status",                           "signin denied denied denied denied denied ok"),
        ("POST /staff/email-domains Add",                                   "signin denied denied denied denied denied ok"),
        ("POST /staff/email-domains Remove",                                "signin denied denied denied denied denied ok"),
        ("POST /staff/ground-rules",                                        "signin denied denied denied denied denied ok"),
        ("POST /staff/invitations Resend",                                  "signin denied denied denied denied denied ok"),
        ("POST /staff/invitations Revoke",                                  "signin denied denied denied denied denied ok"),
        ("POST /staff/invitations/new",                                     "signin denied denied denied denied denied ok"),
        ("POST /staff/join-requests/bulk-approve",                          "signin denied denied denied denied denied ok"),
        ("POST /staff/join-requests/{id:int} Approve",                      "signin denied denied denied denied denied ok"),
        ("POST /staff/join-requests/{id:int} Decline",                      "signin denied denied denied denied denied ok"),
        ("POST /staff/join-requests/{id:int} RequestInformation",           "signin denied denied denied denied denied ok"),
        ("POST /staff/outbox Retry",                                        "signin denied denied denied denied denied ok"),
        ("POST /staff/outbox RequeueFailed",                                "signin denied denied denied denied denied ok"),
        ("POST /staff/people/{id} Grant",                                   "signin denied denied denied denied denied ok"),
        ("POST /staff/people/{id} Remove",                                  "signin denied denied denied denied denied ok"),
        ("POST /staff/people/{id}/close",                                   "signin denied denied denied denied denied ok"),
        ("POST /staff/proposals/{id:int} Accept",                           "signin denied denied denied denied denied ok"),
        ("POST /staff/proposals/{id:int} Decline",                          "signin denied denied denied denied denied ok"),
        ("GET /communities/{slug}/meetings/{meetingId:int}/attendance",      "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{meetingId:int}/attendance [archived]","signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/{meetingId:int}/attendance [draft]","404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/{meetingId:int}/guests",          "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{meetingId:int}/guests [archived]","signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/{meetingId:int}/guests [draft]",  "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/polls",                           "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/polls [archived]",                "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/polls [draft]",                   "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/polls/new",                       "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/polls/new [archived]",            "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/polls/new [draft]",               "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/meetings/polls/{pollId:int}",              "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/polls/{pollId:int} [archived]",   "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/polls/{pollId:int} [draft]",      "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/attendance",     "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/attendance [archived]","signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/attendance [draft]","404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/guests",         "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/guests [archived]","signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/guests [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/guests Revoke",  "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/guests Revoke [archived]","signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{meetingId:int}/guests Revoke [draft]","404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/polls/new",                      "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/polls/new [archived]",           "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/polls/new [draft]",              "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/polls/{pollId:int}",             "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/polls/{pollId:int} [archived]",  "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/polls/{pollId:int} [draft]",     "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/polls/{pollId:int} Pick",        "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/polls/{pollId:int} Pick [archived]","signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/polls/{pollId:int} Pick [draft]","404 404 404 ok ok 404 ok"),
        ("GET /meetings/guest/{token}",                                      "404 404 404 404 404 404 404"),
        ("GET /meetings/guest/{token}/meeting.ics",                          "404 404 404 404 404 404 404"),
        // The personal calendar feed: the token is the only credential (a wrong one is 404 for everyone); the page
        // that manages it is each signed-in person's own.
        ("GET /calendar/{token}.ics",                                        "404 404 404 404 404 404 404"),
        ("GET /my/calendar",                                                 "signin ok ok ok ok ok ok"),
        ("POST /my/calendar Create",                                         "signin ok ok ok ok ok ok"),
        ("POST /my/calendar Stop",                                           "signin ok ok ok ok ok ok"),
        ("POST /meetings/guest/{token}",                                     "404 404 404 404 404 404 404"),
        // The forum (members and staff; the core team and staff moderate). A thread, post or report of the active CoP
        // asked for under the draft or archived slug belongs to another CoP: 404.
        ("GET /communities/{slug}/forum [archived]",                           "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/forum [draft]",                              "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/forum",                                      "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/attachments/{attachmentId:int} [archived]", "signin 404 denied 404 404 denied 404"),
        ("GET /communities/{slug}/forum/attachments/{attachmentId:int} [draft]", "404 404 404 404 404 404 404"),
        ("GET /communities/{slug}/forum/attachments/{attachmentId:int}",       "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/new [archived]",                       "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/new [draft]",                          "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/forum/new",                                  "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/edit [archived]",   "signin 404 denied 404 404 denied 404"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/edit [draft]",      "404 404 404 404 404 404 404"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/edit",              "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/remove [archived]", "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/remove [draft]",    "404 404 404 404 404 404 404"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/remove",            "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/report [archived]", "signin 404 denied 404 404 denied 404"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/report [draft]",    "404 404 404 404 404 404 404"),
        ("GET /communities/{slug}/forum/posts/{postId:int}/report",            "signin ok denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/reports [archived]",                   "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/forum/reports [draft]",                      "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/forum/reports",                              "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/reports/{reportId:int} [archived]",    "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/forum/reports/{reportId:int} [draft]",       "404 404 404 404 404 404 404"),
        ("GET /communities/{slug}/forum/reports/{reportId:int}",               "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/forum/threads/{threadId:int} [archived]",    "signin 404 denied 404 404 denied 404"),
        ("GET /communities/{slug}/forum/threads/{threadId:int} [draft]",       "404 404 404 404 404 404 404"),
        ("GET /communities/{slug}/forum/threads/{threadId:int}",               "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum Unwatch [archived]",                  "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum Unwatch [draft]",                     "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum Unwatch",                             "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum Watch [archived]",                    "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum Watch [draft]",                       "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum Watch",                               "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/new [archived]",                      "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/new [draft]",                         "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/new",                                 "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/edit [archived]",  "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/edit [draft]",     "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/edit",             "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/remove [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/remove [draft]",   "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/remove",           "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/report [archived]", "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/report [draft]",   "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/posts/{postId:int}/report",           "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/reports/{reportId:int} [archived]",   "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/reports/{reportId:int} [draft]",      "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/reports/{reportId:int}",              "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Lock [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Lock [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Lock",         "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Pin [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Pin [draft]",  "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Pin",          "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unlock [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unlock [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unlock",       "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unpin [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unpin [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unpin",        "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unwatch [archived]", "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unwatch [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Unwatch",      "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Watch [archived]", "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Watch [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} Watch",        "signin ok denied ok ok denied ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} [archived]",   "signin readonly denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/forum/threads/{threadId:int} [draft]",      "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/forum/threads/{threadId:int}",              "signin ok denied ok ok denied ok"),
        ("GET /staff/reports",                                                 "signin denied denied denied denied denied ok"),
        // Triple-A reports and the council's review.
        ("GET /communities/{slug}/meetings/{id:int}/report", "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/meetings/{id:int}/report [archived]", "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/meetings/{id:int}/report [draft]", "404 404 404 ok ok 404 ok"),
        ("GET /communities/{slug}/reports", "signin denied denied ok ok denied ok"),
        ("GET /communities/{slug}/reports [archived]", "signin denied denied readonly readonly denied readonly"),
        ("GET /communities/{slug}/reports [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report AddPoint", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report AddPoint [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/report AddPoint [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report Comment", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report Comment [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/report Comment [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report RemovePoint", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report RemovePoint [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/report RemovePoint [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report Save", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report Save [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/report Save [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report Share", "signin denied denied ok ok denied ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report Share [archived]", "signin denied denied readonly readonly denied readonly"),
        ("POST /communities/{slug}/meetings/{id:int}/report Share [draft]", "404 404 404 ok ok 404 ok"),
        ("POST /communities/{slug}/meetings/{id:int}/report Submit", "signin denied denied ok ok denied denied"),
        ("POST /communities/{slug}/meetings/{id:int}/report Submit [archived]", "signin denied denied readonly readonly denied denied"),
        ("POST /communities/{slug}/meetings/{id:int}/report Submit [draft]", "404 404 404 ok ok 404 denied"),
        ("GET /council/escalations", "signin denied denied denied denied ok ok"),
        ("GET /council/escalations/export.csv", "signin denied denied denied denied ok ok"),
        ("GET /council/escalations/quarterly", "signin denied denied denied denied ok ok"),
        ("GET /council/escalations/quarterly.pdf", "signin denied denied denied denied ok ok"),
        ("GET /council/escalations/{id:int}", "signin denied denied denied denied ok ok"),
        ("POST /council/escalations/{id:int} Assign", "signin denied denied denied denied ok ok"),
        ("POST /council/escalations/{id:int} Close", "signin denied denied denied denied ok ok"),
        ("POST /council/escalations/{id:int} Comment", "signin denied denied denied denied ok ok"),
        ("POST /council/escalations/{id:int} Outcome", "signin denied denied denied denied ok ok"),
        ("POST /council/escalations/{id:int} Route", "signin denied denied denied denied ok ok"),
        ("GET /staff/agenda-templates", "signin denied denied denied denied denied ok"),
        ("GET /staff/agenda-templates/new", "signin denied denied denied denied denied ok"),
        ("GET /staff/agenda-templates/{id:int}", "signin denied denied denied denied denied ok"),
        ("POST /staff/agenda-templates Restore", "signin denied denied denied denied denied ok"),
        ("POST /staff/agenda-templates Retire", "signin denied denied denied denied denied ok"),
        ("POST /staff/agenda-templates/new", "signin denied denied denied denied denied ok"),
        ("POST /staff/agenda-templates/{id:int}", "signin denied denied denied denied denied ok"),
        ("GET /staff/escalation-destinations", "signin denied denied denied denied denied ok"),
        ("POST /staff/escalation-destinations Active", "signin denied denied denied denied denied ok"),
        ("POST /staff/escalation-destinations Add", "signin denied denied denied denied denied ok"),
    ];

    public sealed class Portal : IAsyncLifetime, IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public Dictionary<string, HttpClient> Clients { get; } = [];
        public Dictionary<string, string> Values { get; } = [];
        public const string OutsiderEmail = "outsider@nhs.net";
        public const string DraftSlug = DemoData.PractitionersSlug + "-draft";
        public const string ArchivedSlug = DemoData.PractitionersSlug + "-archived";

        public async Task InitializeAsync()
        {
            await Factory.CreateUserAsync(OutsiderEmail, "Olu Outsider");
            await Factory.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<CopDbContext>();
                var terms = services.GetRequiredService<TermsService>();
                var memberships = services.GetRequiredService<MembershipService>();
                var practitioners = await db.Communities.FirstAsync(c => c.Slug == DemoData.PractitionersSlug);
                var current = await terms.CurrentAsync(practitioners.Id);
                var people = await db.Users.Where(u => u.Email == DemoData.ChairEmail || u.Email == DemoData.SecretaryEmail || u.Email == DemoData.MemberEmail)
                    .ToDictionaryAsync(u => u.Email!, u => u.Id);
                foreach (var (slug, status) in new[] { (DraftSlug, CommunityStatus.Draft), (ArchivedSlug, CommunityStatus.Archived) })
                {
                    var community = new Community { Slug = slug, Name = $"Practitioners ({status})", Summary = "A copy for the access matrix.", Status = status, CreatedAt = Factory.Clock.GetUtcNow() };
                    db.Communities.Add(community);
                    await terms.PublishAsync(community, current!, current!.ReviewDueOn, "First version.", null);
                    await db.SaveChangesAsync();
                    await db.InTransactionAsync(async () =>
                    {
                        await memberships.AddOrSetRoleAsync(community, people[DemoData.ChairEmail], CommunityRole.Chair);
                        await memberships.AddOrSetRoleAsync(community, people[DemoData.SecretaryEmail], CommunityRole.Secretary);
                        await memberships.AddOrSetRoleAsync(community, people[DemoData.MemberEmail], CommunityRole.Member);
                        await db.SaveChangesAsync();
                    });
                }
                foreach (var community in await db.Communities.Where(c => c.Slug.StartsWith(DemoData.PractitionersSlug)).ToListAsync())
                {
                    var vacancy = new CoreTeamVacancy { CommunityId = community.Id, Role = CommunityRole.CoChair, Description = "Matrix", OpenedAt = Factory.Clock.GetUtcNow() };
                    db.Vacancies.Add(vacancy);
                    await db.SaveChangesAsync();
                    Values["vacancy:" + community.Slug] = vacancy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                // A meeting and a poll in each copy of the practitioners' CoP, for the participation pages.
                foreach (var community in await db.Communities.Where(c => c.Slug.StartsWith(DemoData.PractitionersSlug)).ToListAsync())
                {
                    var start = Factory.Clock.GetUtcNow().AddDays(14);
                    var meeting = new CopPortal.Domain.Meetings.Meeting { CommunityId = community.Id, Title = "Matrix meeting", StartsAt = start, EndsAt = start.AddHours(1), CalendarUid = "matrix-" + community.Slug, CreatedAt = start, UpdatedAt = start };
                    var poll = new CopPortal.Domain.Meetings.Polls.Poll { CommunityId = community.Id, Title = "Matrix poll", ClosesAt = start, CreatedAt = start, Options = [new() { StartsAt = start.AddDays(1), EndsAt = start.AddDays(1).AddHours(1) }, new() { StartsAt = start.AddDays(2), EndsAt = start.AddDays(2).AddHours(1) }] };
                    db.Meetings.Add(meeting);
                    db.MeetingPolls.Add(poll);
                    await db.SaveChangesAsync();
                    Values["meeting:" + community.Slug] = meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Values["poll:" + community.Slug] = poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await LibraryAndActionsAsync(services, people[DemoData.ChairEmail]);
                // Agendas and minutes: a held meeting in each copy of the CoP, with an agenda item and published minutes shared with the council.
                foreach (var community in await db.Communities.Where(c => c.Slug.StartsWith(DemoData.PractitionersSlug)).ToListAsync())
                {
                    var held = Factory.Clock.GetUtcNow().AddDays(-7);
                    var meeting = new CopPortal.Domain.Meetings.Meeting { CommunityId = community.Id, Title = "Matrix meeting", StartsAt = held, EndsAt = held.AddHours(2), CalendarUid = "matrix-minutes-" + community.Slug, CreatedAt = held, UpdatedAt = held };
                    db.Meetings.Add(meeting);
                    await db.SaveChangesAsync();
                    var agenda = new CopPortal.Domain.Minutes.Agenda { CommunityId = community.Id, MeetingId = meeting.Id, CreatedAt = held, UpdatedAt = held, PublishedAt = held, Items = [new() { Position = 1, Title = "Welcome" }] };
                    var minutes = new CopPortal.Domain.Minutes.MeetingMinutes { CommunityId = community.Id, MeetingId = meeting.Id, Status = CopPortal.Domain.Minutes.MinutesStatus.Published, CreatedAt = held, UpdatedAt = held, ApprovedAt = held, ApprovedByName = "Matrix Chair", PublishedAt = held, SharedWithCouncilAt = held, Items = [new() { Position = 1, Title = "Welcome" }] };
                    db.Agendas.Add(agenda);
                    db.MeetingMinutes.Add(minutes);
                    await db.SaveChangesAsync();
                    Values["heldmeeting:" + community.Slug] = meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Values["agenda-item:" + community.Slug] = agenda.Items[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (community.Slug == DemoData.PractitionersSlug)
                    {
                        Values["minutes"] = minutes.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                Values["request"] = (await db.JoinRequests.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Values["proposal"] = (await db.Proposals.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync() ?? 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Values["person"] = people[DemoData.MemberEmail];
                // A thread, its post and a report in the active CoP; under the draft or archived slug they are another CoP's.
                var forum = services.GetRequiredService<CopPortal.Domain.Forum.ForumService>();
                var active = await db.Communities.AsNoTracking().FirstAsync(c => c.Slug == DemoData.PractitionersSlug);
                var post = await forum.StartThreadAsync(active.Id, people[DemoData.MemberEmail], "Matrix thread", "Matrix post.", Guid.NewGuid(), acceptsGroundRules: false);
                await forum.ReportAsync(post, people[DemoData.SecretaryEmail], "Matrix report");
                Values["thread"] = post.ThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Values["post"] = post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Values["report"] = (await db.ForumReports.Where(r => r.PostId == post.Id).Select(r => r.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A file attached to that post, in the real file store so a download can succeed.
                var stored = await services.GetRequiredService<CopPortal.Web.Infrastructure.Files.IFileStore>().SaveAsync(new MemoryStream("%PDF-1.4 matrix"u8.ToArray()));
                var attachment = new CopPortal.Domain.Forum.ForumAttachment { PostId = post.Id, CommunityId = active.Id, StoredName = stored.StoredName, FileName = "matrix.pdf", ContentType = "application/pdf", Length = stored.Length, CreatedAt = Factory.Clock.GetUtcNow(), UploadedById = people[DemoData.MemberEmail] };
                db.ForumAttachments.Add(attachment);
                await db.SaveChangesAsync();
                Values["attachment"] = attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A held meeting in each Practitioners copy (for its Triple-A report) and one submitted point for the council's pages.
                foreach (var community in await db.Communities.Where(c => c.Slug.StartsWith(DemoData.PractitionersSlug)).ToListAsync())
                {
                    var held = new CopPortal.Domain.Meetings.Meeting { CommunityId = community.Id, Title = "Matrix meeting", StartsAt = Factory.Clock.GetUtcNow().AddDays(-1), EndsAt = Factory.Clock.GetUtcNow().AddDays(-1).AddHours(1), CalendarUid = "matrix-report-" + community.Slug, CreatedAt = Factory.Clock.GetUtcNow(), UpdatedAt = Factory.Clock.GetUtcNow() };
                    db.Meetings.Add(held);
                    await db.SaveChangesAsync();
                    Values["report-meeting:" + community.Slug] = held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (community.Slug == DemoData.PractitionersSlug)
                    {
                        var report = new CopPortal.Domain.Escalations.TripleAReport { CommunityId = community.Id, MeetingId = held.Id, Content = "Matrix", Status = CopPortal.Domain.Escalations.ReportStatus.Submitted, SubmittedAt = Factory.Clock.GetUtcNow() };
                        report.Points.Add(new CopPortal.Domain.Escalations.EscalationPoint { CommunityId = community.Id, Title = "Matrix point", Detail = "Matrix", Status = CopPortal.Domain.Escalations.PointStatus.Submitted, SubmittedAt = Factory.Clock.GetUtcNow() });
                        db.TripleAReports.Add(report);
                        await db.SaveChangesAsync();
                        Values["point"] = report.Points[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            });
        }

        /// <summary>A folder, a published document with one stored version, and an action owned by the chair, in each copy of the CoP.</summary>
        private async Task LibraryAndActionsAsync(IServiceProvider services, string chairId)
        {
            var db = services.GetRequiredService<CopDbContext>();
            var library = services.GetRequiredService<CopPortal.Domain.Library.LibraryService>();
            var actions = services.GetRequiredService<CopPortal.Domain.Actions.ActionService>();
            var store = services.GetRequiredService<CopPortal.Web.Infrastructure.Files.IFileStore>();
            foreach (var community in await db.Communities.Where(c => c.Slug.StartsWith(DemoData.PractitionersSlug)).ToListAsync())
            {
                var folder = (await library.EnsureStandardFoldersAsync(community.Id))[0];
                using var content = new MemoryStream(Encoding.UTF8.GetBytes("Matrix"));
                var stored = await store.SaveAsync(content);
                var document = await library.AddAsync(community.Id, folder.Id, "Matrix", new(stored.StoredName, "matrix.txt", "text/plain; charset=utf-8", stored.Length), null, chairId, suggestion: false);
                var action = await actions.AddAsync(community.Id, "Matrix", chairId, "Chair", null, chairId, "Chair");
                Values["folder:" + community.Slug] = folder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Values["document:" + community.Slug] = document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Values["action:" + community.Slug] = action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public async Task<HttpClient> ClientAsync(string who)
        {
            if (!Clients.TryGetValue(who, out var client))
            {
                client = who switch
                {
                    "anonymous" => Factory.CreateBrowserClient(),
                    "outsider" => await Factory.SignedInClientAsync(OutsiderEmail),
                    _ => await Factory.SignedInClientAsync($"{who}@demo.nhs.uk"),
                };
                Clients[who] = client;
            }
            return client;
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData(nameof(CommunityOperations.ViewCommunity), "YYYYY")]
    [InlineData(nameof(CommunityOperations.JoinCommunity), "YYYYY")]
    [InlineData(nameof(CommunityOperations.ViewMemberContent), "-YYYY")]
    [InlineData(nameof(CommunityOperations.EditTerms), "--YY-")]
    [InlineData(nameof(CommunityOperations.RunCommunity), "--YYY")]
    [InlineData(nameof(CommunityOperations.ChairCommunity), "--YY-")]
    [InlineData(nameof(CommunityOperations.ManageCommunity), "-----")]
    [InlineData(nameof(CommunityOperations.EditItem), "--YYY")]
    [InlineData(nameof(CommunityOperations.SubmitReport), "--YYY")]
    public void Rule_table_for_people_who_are_not_staff(string operation, string expected)
    {
        // Columns: no role, Member, Chair, CoChair, Secretary.
        CommunityRole?[] roles = [null, CommunityRole.Member, CommunityRole.Chair, CommunityRole.CoChair, CommunityRole.Secretary];
        var actual = string.Concat(roles.Select(r => CommunityAuthorizationHandler.Allows(operation, r, isStaff: false) ? 'Y' : '-'));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(nameof(CommunityOperations.ViewCommunity), true)]
    [InlineData(nameof(CommunityOperations.JoinCommunity), true)]
    [InlineData(nameof(CommunityOperations.ViewMemberContent), true)]
    [InlineData(nameof(CommunityOperations.EditTerms), true)]
    [InlineData(nameof(CommunityOperations.RunCommunity), true)]
    [InlineData(nameof(CommunityOperations.ChairCommunity), false)]
    [InlineData(nameof(CommunityOperations.ManageCommunity), true)]
    [InlineData(nameof(CommunityOperations.EditItem), true)]
    [InlineData(nameof(CommunityOperations.SubmitReport), false)]
    public void Staff_without_a_role_in_the_community(string operation, bool allowed) =>
        Assert.Equal(allowed, CommunityAuthorizationHandler.Allows(operation, null, isStaff: true));

    [Fact]
    public void Anonymous_users_may_only_view_public_pages() =>
        Assert.Equal(
            [nameof(CommunityOperations.ViewCommunity)],
            CommunityOperations.All.Keys.Where(o => CommunityAuthorizationHandler.Allows(o, null, isStaff: false, signedIn: false)).ToList());

    /// <summary>Every page and handler the app serves: "METHOD route [Handler]", from the endpoints and the compiled page models.</summary>
    private async Task<List<(string Endpoint, string Route, string Method)>> EndpointsAsync()
    {
        var sources = portal.Factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = portal.Factory.Services.GetRequiredService<PageLoader>();
        var found = new List<(string, string, string)>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            // The handler methods Razor Pages found on the compiled page model (OnGet…, OnPost…).
            var handlers = compiled.HandlerMethods
                .Select(h => (Method: h.HttpMethod.ToUpperInvariant(), Name: h.Name ?? ""))
                .Distinct()
                .ToList();
            if (!handlers.Any(h => h.Method == "GET"))
            {
                handlers.Add(("GET", "")); // a page with no GET handler still renders for GET
            }
            foreach (var (method, name) in handlers)
            {
                var endpointName = $"{method} {route}{(name.Length > 0 ? " " + name : "")}";
                if (route.StartsWith("/communities/{slug}", StringComparison.Ordinal))
                {
                    foreach (var state in new[] { "", " [draft]", " [archived]" })
                    {
                        found.Add((endpointName + state, route, method));
                    }
                }
                else
                {
                    found.Add((endpointName, route, method));
                }
            }
        }
        return found.DistinctBy(e => e.Item1).OrderBy(e => e.Item1, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Every_page_and_handler_has_a_row_in_the_table_and_every_row_is_a_real_page()
    {
        var served = (await EndpointsAsync()).Select(e => e.Endpoint).ToList();
        var table = Expected.Select(e => e.Endpoint).ToList();
        Assert.True(served.Except(table).ToList() is [], "Pages with no row in the access table (add one):\n" + string.Join("\n", served.Except(table)));
        Assert.True(table.Except(served).ToList() is [], "Rows for pages that no longer exist:\n" + string.Join("\n", table.Except(served)));
        Assert.All(Expected, e => Assert.Equal(People.Length, e.Expected.Split(' ').Length));
    }

    [Fact]
    public async Task Every_page_and_handler_gives_each_kind_of_user_the_outcome_in_the_table()
    {
        var expected = Expected.ToDictionary(e => e.Endpoint, e => e.Expected.Split(' '));
        var actualTable = new StringBuilder();
        var wrong = new List<string>();
        foreach (var (endpoint, route, method) in await EndpointsAsync())
        {
            var cells = new string[People.Length];
            for (var i = 0; i < People.Length; i++)
            {
                var want = expected.TryGetValue(endpoint, out var row) ? row[i] : null;
                if (method == "POST" && want is null or "ok")
                {
                    cells[i] = want ?? "ok";
                    continue;
                }
                var client = await portal.ClientAsync(People[i]);
                cells[i] = await OutcomeAsync(client, method, Url(endpoint, route), People[i]);
                if (want != cells[i])
                {
                    wrong.Add($"{endpoint} as {People[i]}: expected {want ?? "(no row)"}, got {cells[i]}");
                }
            }
            actualTable.Append("        (\"").Append(endpoint).Append("\", \"").Append(string.Join(' ', cells)).Append("\"),\n");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong) + "\n\nWhat the app does now:\n" + actualTable);
    }

    private string Url(string endpoint, string route)
    {
        var slug = endpoint.EndsWith("[draft]", StringComparison.Ordinal) ? Portal.DraftSlug
            : endpoint.EndsWith("[archived]", StringComparison.Ordinal) ? Portal.ArchivedSlug
            : DemoData.PractitionersSlug;
        var url = route
            .Replace("{slug}", slug, StringComparison.Ordinal)
            .Replace("{meetingId:int}", portal.Values["meeting:" + slug], StringComparison.Ordinal)
            .Replace("{pollId:int}", portal.Values["poll:" + slug], StringComparison.Ordinal)
            .Replace("vacancies/{id:int}", "vacancies/" + portal.Values["vacancy:" + slug], StringComparison.Ordinal)
            .Replace("meetings/{id:int}/report", "meetings/" + portal.Values["report-meeting:" + slug] + "/report", StringComparison.Ordinal)
            // Agendas and minutes are of a held meeting; the other meeting pages use one still to come.
            .Replace("meetings/{id:int}/agenda", "meetings/" + portal.Values["heldmeeting:" + slug] + "/agenda", StringComparison.Ordinal)
            .Replace("meetings/{id:int}/minutes", "meetings/" + portal.Values["heldmeeting:" + slug] + "/minutes", StringComparison.Ordinal)
            .Replace("/agenda/items/{itemId:int}", "/agenda/items/" + portal.Values["agenda-item:" + slug], StringComparison.Ordinal)
            .Replace("meetings/{id:int}", "meetings/" + portal.Values["meeting:" + slug], StringComparison.Ordinal)
            .Replace("{revision:int}", "1", StringComparison.Ordinal)
            .Replace("/council/minutes/{id:int}", "/council/minutes/" + portal.Values["minutes"], StringComparison.Ordinal)
            .Replace("/staff/proposals/{id:int}", "/staff/proposals/" + portal.Values["proposal"], StringComparison.Ordinal)
            .Replace("/staff/agenda-templates/{id:int}", "/staff/agenda-templates/1", StringComparison.Ordinal)
            .Replace("/council/escalations/{id:int}", "/council/escalations/" + portal.Values["point"], StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{folderId:int}", portal.Values["folder:" + slug], StringComparison.Ordinal)
            .Replace("{documentId:int}", portal.Values["document:" + slug], StringComparison.Ordinal)
            .Replace("{version:int}", "1", StringComparison.Ordinal)
            .Replace("{actionId:int}", portal.Values["action:" + slug], StringComparison.Ordinal)
            .Replace("{threadId:int}", portal.Values["thread"], StringComparison.Ordinal)
            .Replace("{postId:int}", portal.Values["post"], StringComparison.Ordinal)
            .Replace("{reportId:int}", portal.Values["report"], StringComparison.Ordinal)
            .Replace("{attachmentId:int}", portal.Values["attachment"], StringComparison.Ordinal)
            .Replace("{id:int}", portal.Values["request"], StringComparison.Ordinal)
            .Replace("/people/{id}", "/people/" + portal.Values["person"], StringComparison.Ordinal)
            .Replace("{token}", "not-a-real-token", StringComparison.Ordinal)
            .Replace("{code:int?}", "404", StringComparison.Ordinal)
            .Replace("/{handler?}", "", StringComparison.Ordinal);
        var handler = endpoint.Split(' ') is [_, _, var name, ..] && !name.StartsWith('[') ? name : null;
        return handler is null ? url : $"{url}?handler={handler}";
    }

    private async Task<string> OutcomeAsync(HttpClient client, string method, string url, string who)
    {
        HttpResponseMessage response;
        if (method == "POST")
        {
            var token = await AntiforgeryTokenAsync(client, who);
            response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        }
        else
        {
            response = await client.GetAsync(url);
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => "ok",
            HttpStatusCode.NotFound => "404",
            HttpStatusCode.Forbidden => "denied",
            HttpStatusCode.Redirect when location.Contains("/account/access-denied", StringComparison.Ordinal) => "denied",
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => "signin",
            HttpStatusCode.Redirect when location.StartsWith("/communities/", StringComparison.Ordinal) && location.Count(c => c == '/') == 2
                && url.Contains(Portal.ArchivedSlug, StringComparison.Ordinal) => "readonly",
            HttpStatusCode.Redirect => "redirect",
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>A real antiforgery token for this client, so a refused POST is refused by the gate, not by antiforgery.</summary>
    private async Task<string> AntiforgeryTokenAsync(HttpClient client, string who)
    {
        if (!_tokens.TryGetValue(who, out var token))
        {
            var page = await client.GetPageAsync(who == "anonymous" ? "/account/sign-in" : "/account/change-password");
            token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            _tokens[who] = token;
        }
        return token;
    }
}
