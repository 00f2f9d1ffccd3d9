<#-- Realm tidbcloud signs people in only through Google or Microsoft: no username/password form. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true displayInfo=false; section>
<!-- template: login.ftl (tidbcloud) -->

    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
            <#if social.providers?? && social.providers?has_content>
                <p id="tidbcloud-sign-in-hint">${msg("tidbcloudSignInHint")}</p>
                <div id="kc-social-providers" class="${properties.kcFormSocialAccountSectionClass!}">
                    <ul class="${properties.kcFormSocialAccountListClass!}">
                        <#list social.providers as p>
                            <li class="${properties.kcFormSocialAccountListItemClass!}">
                                <#-- id social-<alias> is Keycloak's default; tests and automation rely on it. -->
                                <a id="social-${p.alias}" data-once-link
                                   data-disabled-class="${properties.kcFormSocialAccountListButtonDisabledClass!}"
                                   class="${properties.kcFormSocialAccountListButtonClass!} tidbcloud-provider-button"
                                   href="${p.loginUrl}">
                                    <#switch p.alias>
                                        <#case "google">
                                            <svg viewBox="0 0 24 24" aria-hidden="true">
                                                <circle cx="12" cy="12" r="11" fill="#4285F4"></circle>
                                                <path fill="#FFFFFF" fill-rule="evenodd" d="M12 5a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM12 7.5a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9z"></path>
                                                <rect x="12.6" y="6" width="6.4" height="4.6" fill="#4285F4"></rect>
                                                <rect x="12" y="10.9" width="7" height="2.4" fill="#FFFFFF"></rect>
                                            </svg>
                                            <#break>
                                        <#case "microsoft">
                                            <svg viewBox="0 0 23 23" aria-hidden="true">
                                                <path fill="#F25022" d="M1 1h10v10H1z"></path>
                                                <path fill="#7FBA00" d="M12 1h10v10H12z"></path>
                                                <path fill="#00A4EF" d="M1 12h10v10H1z"></path>
                                                <path fill="#FFB900" d="M12 12h10v10H12z"></path>
                                            </svg>
                                            <#break>
                                        <#default>
                                    </#switch>
                                    <span class="${properties.kcFormSocialAccountNameClass!}">${msg("tidbcloudContinueWith", p.displayName!p.alias)}</span>
                                </a>
                            </li>
                        </#list>
                    </ul>
                </div>
            <#else>
                <p id="tidbcloud-no-identity-provider">${msg("tidbcloudNoIdentityProvider")}</p>
            </#if>
        </div>
    </#if>

</@layout.registrationLayout>
