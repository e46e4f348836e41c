using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>The validator the card tests lean on, run on Microsoft's adaptivecards package: it must catch what Teams would refuse.</summary>
public sealed class AdaptiveCardValidatorTests
{
    [Fact]
    public async Task AdaptiveCardValidator_ReturnsNoErrors_WhenCardIsValid15WithSubmitAndDateInput()
    {
        var card = JsonNode.Parse("""
            {
              "type": "AdaptiveCard",
              "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
              "version": "1.5",
              "body": [
                { "type": "TextBlock", "text": "When should we follow up?", "wrap": true },
                { "type": "Input.Date", "id": "followUp", "label": "Follow-up date", "isRequired": true, "errorMessage": "Pick a date" },
                { "type": "Input.Text", "id": "note", "label": "Note", "isMultiline": true }
              ],
              "actions": [
                { "type": "Action.Submit", "title": "Save", "data": { "action": "save", "accountId": "42" } },
                { "type": "Action.Execute", "title": "Approve", "verb": "approve", "data": { "id": 1 } }
              ]
            }
            """)!;

        var errors = await AdaptiveCardValidator.ValidateAsync([card]);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task AdaptiveCardValidator_ReportsEachBadCard_WhenUnknownElementOr16OnlyFeaturesUsed()
    {
        var valid = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"ok"}]}""")!;
        var unknownElement = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Bogus.Element","text":"?"}]}""")!;
        var labelPosition16 = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"n","label":"Name","labelPosition":"inline"}]}""")!;
        var version16 = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"new"}]}""")!;

        var errors = await AdaptiveCardValidator.ValidateAsync([valid, unknownElement, labelPosition16, version16]);

        Assert.Equal(3, errors.Count);
        Assert.DoesNotContain(errors, e => e.StartsWith("card[0]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("card[1]: Parse/UnknownElementType", StringComparison.Ordinal) && e.Contains("Bogus.Element"));
        Assert.Contains(errors, e => e.StartsWith("card[2]: Parse/UnsupportedProperty", StringComparison.Ordinal) && e.Contains("labelPosition"));
        Assert.Contains(errors, e => e.StartsWith("card[3]: Validation/UnsupportedCardVersion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdaptiveCardValidator_ReportsMissingVersionAndDuplicateIds_WhenCardIsSloppy()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","body":[{"type":"Input.Text","id":"a"},{"type":"Input.Date","id":"a"}]}""")!;

        var errors = await AdaptiveCardValidator.ValidateAsync(card);

        Assert.Contains(errors, e => e.Contains("\"version\" must be set"));
        Assert.Contains(errors, e => e.Contains("DuplicateId"));
    }
}
