package io.mubiao.access;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mubiao.problem.ProblemException;

/**
 * Who is calling, from the verified bearer token: {@code sub}, {@code groups} (the roles of {@link Roles})
 * and {@code orgUnit}, the root of the subtree the holder may act in. Only admins act outside a subtree.
 * Each service asks with the path of a unit from its own copy of the tree.
 */
@RequestScoped
public class Caller {

    /** The claim naming the root of the holder's subtree. */
    public static final String ORG_UNIT_CLAIM = "orgUnit";

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    public boolean isAdmin() {
        return token.getGroups().contains(Roles.ADMIN);
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    /** The root of the holder's subtree, or null when the token names none. */
    public String orgUnit() {
        Object claim = token.getClaim(ORG_UNIT_CLAIM);
        if (claim instanceof JsonString string) {
            return string.getString();
        }
        return claim == null ? null : claim.toString();
    }

    /**
     * Whether the unit whose path (codes from the root, the unit last) is given lies inside the holder's
     * subtree; an unknown unit (null path) lies inside nobody's but an admin's.
     */
    public boolean covers(List<String> path) {
        if (isAdmin()) {
            return true;
        }
        String root = orgUnit();
        return root != null && path != null && path.contains(root);
    }

    /** 403 unless {@link #covers(List)}; {@code unit} names the unit in the message. */
    public void requireCovers(String unit, List<String> path) {
        if (!covers(path)) {
            throw forbidden(unit);
        }
    }

    /** The 403 for a unit outside the holder's subtree, in the user's terms. */
    public ProblemException forbidden(String unit) {
        return new ProblemException(403, "Forbidden", outsideMessage(unit), null);
    }

    /** Why a unit is refused, for a 403 or for a rejected row of a batch. */
    public String outsideMessage(String unit) {
        String root = orgUnit();
        return root == null
                ? "your token names no org unit, so " + unit + " is outside your area"
                : unit + " is outside your area (" + root + " and the units below it)";
    }
}
