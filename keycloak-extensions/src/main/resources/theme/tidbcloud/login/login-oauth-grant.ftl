<#-- Final confirmation (Keycloak's consent page, buttons accept / cancel as ARCHITECTURE.md fixes
     them): the API scopes chosen at the scope selection in plain words, and one line for the
     identity data the application receives instead of Keycloak's "User profile" and "Email address". -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout bodyClass="oauth"; section>
<!-- template: login-oauth-grant.ftl (tidbcloud) -->
    <#assign applicationName = (client.name?has_content)?then(advancedMsg(client.name), client.clientId)>
    <#if section = "header">
        <p>${msg("oauthGrantTitle", applicationName)}</p>
    <#elseif section = "form">
        <#assign identityTexts = ["$" + "{profileScopeConsentText}", "$" + "{emailScopeConsentText}"]>
        <#assign identityShared = false>
        <div id="kc-oauth" class="content-area">
            <h3>${msg("oauthGrantRequest")}</h3>
            <ul id="tidbcloud-granted" class="${properties.kcListClass!}">
                <#if oauth.clientScopesRequested??>
                    <#list oauth.clientScopesRequested as clientScope>
                        <#if identityTexts?seq_contains(clientScope.consentScreenText)>
                            <#assign identityShared = true>
                        <#else>
                            <li><span><#if !clientScope.parameterizedScopeParameter??>${advancedMsg(clientScope.consentScreenText)}<#else>${advancedMsg(clientScope.consentScreenText, clientScope.parameterizedScopeParameter)}</#if></span></li>
                        </#if>
                    </#list>
                </#if>
            </ul>
            <#if identityShared>
                <p id="tidbcloud-identity-shared">${msg("tidbcloudScopeSelectionIdentity", applicationName)}</p>
            </#if>
            <p>${msg("oauthGrantInformation", applicationName)}</p>
            <form class="${properties.kcFormClass} ${properties.kcMarginTopClass!}" action="${url.oauthAction}" method="POST">
                <input type="hidden" name="code" value="${oauth.code}">
                <@buttons.actionGroup horizontal=true>
                    <@buttons.button id="kc-login" name="accept" label="doYes"/>
                    <@buttons.button id="kc-cancel" name="cancel" label="doNo" type="secondary"/>
                </@buttons.actionGroup>
            </form>
        </div>
    </#if>
</@layout.registrationLayout>
