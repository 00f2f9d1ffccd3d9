<#-- Scope selection: ScopeSelectionRequiredAction. The checkbox and button names are fixed
     (ARCHITECTURE.md, "Browser pages that automation relies on"). -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: tidbcloud-select-scopes.ftl (tidbcloud) -->
    <#if section = "header">
        ${msg("tidbcloudScopeSelectionTitle", applicationName)}
    <#elseif section = "form">
        <form id="tidbcloud-scope-selection-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="POST">
            <fieldset id="tidbcloud-scope-choices">
                <legend>${msg("tidbcloudScopeSelectionLegend")}</legend>
                <#list scopes as scope>
                    <div class="pf-v5-c-check tidbcloud-scope">
                        <input class="pf-v5-c-check__input" type="checkbox" name="grant_scope" id="grant-scope-${scope?index}"
                               value="${scope.value}" <#if scope.ticked>checked</#if>>
                        <label class="pf-v5-c-check__label" for="grant-scope-${scope?index}">${scope.text}</label>
                    </div>
                </#list>
            </fieldset>
            <#if keptScopes?has_content>
                <p>${msg("tidbcloudScopeSelectionKept")}</p>
                <ul id="tidbcloud-kept-scopes" class="${properties.kcListClass!}">
                    <#list keptScopes as scope><li data-scope="${scope.value}">${scope.text}</li></#list>
                </ul>
            </#if>
            <#if identityShared>
                <p id="tidbcloud-identity-shared">${msg("tidbcloudScopeSelectionIdentity", applicationName)}</p>
            </#if>
            <@buttons.actionGroup horizontal=true>
                <@buttons.button name="accept" id="scope-accept" label="tidbcloudScopeSelectionAccept"/>
                <@buttons.button name="cancel" id="scope-cancel" label="tidbcloudScopeSelectionCancel" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
