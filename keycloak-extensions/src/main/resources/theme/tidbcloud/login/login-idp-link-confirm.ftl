<#-- An account with this email exists already: linking the new provider is only offered after the
     person proves the existing account (next step), so there is no "review profile" detour here. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: login-idp-link-confirm.ftl (tidbcloud) -->
    <#if section = "header">
        ${msg("confirmLinkIdpTitle")}
    <#elseif section = "form">
        <p id="tidbcloud-link-explanation">${msg("tidbcloudLinkExplanation", idpDisplayName)}</p>
        <form id="kc-register-form" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        name="submitAction" id="linkAccount" value="linkAccount">${msg("confirmLinkIdpContinue", idpDisplayName)}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
